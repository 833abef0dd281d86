/** Reports the progress of long work (import, dump, restore, migrate) on a terminal. */
export interface Progress {
  /** `done` so far (bytes, buckets, names), of `total` when known; `values` moved so far. */
  update(done: number, values: number, total?: number): void;
  stop(): void;
}

/**
 * A cli-progress bar on `stream` when it is a terminal (with a percentage when the total is
 * known), nothing otherwise: piped stderr stays clean. At most a few redraws a second.
 */
export async function startProgress(
  stream: NodeJS.WriteStream,
  verb: string,
  unit: string,
  total?: number,
): Promise<Progress> {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const { default: progress } = await import('cli-progress');
  const started = Date.now();
  const payload = (values: number, done: number) => ({
    done: done.toLocaleString('en-US'),
    values: values.toLocaleString('en-US'),
    rate: Math.round(values / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString(
      'en-US',
    ),
  });
  const bar = new progress.SingleBar(
    {
      stream,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
      format:
        total === undefined
          ? `${verb} {done} ${unit} | {values} values | {rate} values/s`
          : `${verb} [{bar}] {percentage}% | {done} ${unit} | {values} values | ETA {eta_formatted}`,
    },
    progress.Presets.shades_classic,
  );
  bar.start(total ?? 1, 0, payload(0, 0));
  return {
    update: (done, values, max) => {
      if (max !== undefined && max !== bar.getTotal()) bar.setTotal(max);
      bar.update(total === undefined && max === undefined ? 0 : done, payload(values, done));
    },
    stop: () => bar.stop(),
  };
}
