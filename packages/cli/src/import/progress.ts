import type { ImportTally } from './importer';

/** Reports an import's progress on a terminal. */
export interface Progress {
  update(): void;
  stop(): void;
}

/**
 * A cli-progress bar on `stream` when it is a terminal (by bytes read when the input's size
 * is known, else a running count), nothing otherwise: piped stderr stays clean.
 */
export async function startProgress(
  stream: NodeJS.WriteStream,
  tally: ImportTally,
  bytesRead: () => number,
  totalBytes: number | undefined,
): Promise<Progress> {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const { default: progress } = await import('cli-progress');
  const started = Date.now();
  const payload = () => ({
    values: tally.values.toLocaleString('en-US'),
    rate: Math.round(tally.values / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString(
      'en-US',
    ),
  });
  const bar = new progress.SingleBar(
    {
      stream,
      hideCursor: true,
      clearOnComplete: true,
      format: totalBytes
        ? 'importing [{bar}] {percentage}% | {values} values | {rate} values/s | ETA {eta_formatted}'
        : 'importing {values} values | {rate} values/s',
    },
    progress.Presets.shades_classic,
  );
  bar.start(totalBytes ?? 1, 0, payload());
  return {
    update: () => bar.update(totalBytes ? bytesRead() : 0, payload()),
    stop: () => bar.stop(),
  };
}
