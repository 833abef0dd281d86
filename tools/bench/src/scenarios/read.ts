import { Timeseries } from '@kairos/core';
import type { BenchClient } from '../clients';
import { INTERVALS, READ_NAME } from '../dataset';
import { admin, median } from '../measure';
import type { BenchContext } from './context';

const HOURS = 24;
/** Points written for the read: about 7 per minute, the density of (a). */
const POINTS = 10_000;

/**
 * (d): `series()` over 24 hourly buckets at minute resolution (1,440 resolution keys),
 * against one raw pipeline reading the same keys (known in advance, so one round trip).
 */
export async function readScenario(ctx: BenchContext, clients: readonly BenchClient[]) {
  const end = Math.floor(ctx.now / 3600) * 3600 - 1;
  const start = end + 1 - HOURS * 3600;
  for (const client of clients) {
    await admin(ctx.port, ['FLUSHALL']);
    const series = new Timeseries(client.driver, {
      type: 'series',
      intervals: INTERVALS,
      clock: () => ctx.now,
    });
    await series.bulkInsert(
      Array.from({ length: POINTS }, (_, i) => [
        start + Math.floor((i * HOURS * 3600) / POINTS),
        { [READ_NAME]: [i % 997] },
      ]),
    );
    const raw = await rawCommands(client, start);
    const readLibrary = () => series.series(READ_NAME, 'hour', { end, steps: HOURS });
    const readRaw = () => client.pipeline(raw);
    const rows = await readLibrary();
    const found = [...rows.values()].reduce(
      (n, hour) => n + (hour as Map<number, unknown>).size,
      0,
    );
    const lists = raw.length - HOURS;
    if (found !== lists) throw new Error(`(d) read ${found} resolution buckets, expected ${lists}`);

    const libraryMs = await timeEach(ctx.options.readRepeats, readLibrary);
    const rawMs = await timeEach(ctx.options.readRepeats, readRaw);
    // What redis-benchmark -P 100 would take for the same commands.
    const benchMs = (HOURS / ctx.ceilings.SMEMBERS + lists / ctx.ceilings.LRANGE) * 1000;
    const scenario = `(d) series() 24 h × minute (${lists} keys), median of ${ctx.options.readRepeats}`;
    const base = { scenario, client: client.label, unit: 'ms', lowerIsBetter: true } as const;
    ctx.record({
      ...base,
      path: 'raw pipelined read',
      value: rawMs,
      redisBenchmark: benchMs,
      ideal: rawMs,
    });
    ctx.record({
      ...base,
      path: 'Kairos series()',
      value: libraryMs,
      redisBenchmark: benchMs,
      ideal: rawMs,
      floor: 2 * rawMs,
    });
  }
  await admin(ctx.port, ['FLUSHALL']);
}

/** SMEMBERS of the 24 hour keys and LRANGE of every minute key they list. */
async function rawCommands(client: BenchClient, start: number): Promise<string[][]> {
  const hours = Array.from(
    { length: HOURS },
    (_, h) => `${READ_NAME}:hour:${Math.floor(start / INTERVALS.hour.step) + h}`,
  );
  const members = (await client.pipeline(hours.map((key) => ['SMEMBERS', key]))) as string[][];
  const commands = hours.map((key) => ['SMEMBERS', key]);
  hours.forEach((key, h) => {
    for (const minute of members[h] ?? []) commands.push(['LRANGE', `${key}:${minute}`, '0', '-1']);
  });
  return commands;
}

/** Median ms of `repeats` runs, after a few untimed ones. */
export async function timeEach(repeats: number, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}
