import { Timeseries } from '@kairos/core';
import { type BenchClient, withScripts } from '../clients';
import { INTERVALS, point } from '../dataset';
import { datasetDigest } from '../digest';
import { idealSingle } from '../ideal';
import { admin, measure } from '../measure';
import type { BenchContext } from './context';

const TARGET = 50_000;

/**
 * (c): `concurrency` callers each awaiting one `insert` of one series point at a time,
 * against the same per-point commands sent the way the client batches small requests.
 */
export async function concurrentScenario(
  ctx: BenchContext,
  clients: readonly BenchClient[],
): Promise<void> {
  const { concurrentPoints: total, concurrency } = ctx.options;
  const scenario = `(c) ${concurrency} concurrent single inserts, series`;
  for (const client of clients) {
    const library = (scripted: boolean) =>
      new Timeseries(withScripts(client.driver, scripted), {
        type: 'series',
        intervals: INTERVALS,
        clock: () => ctx.now,
      });
    const viaLibrary = (scripted: boolean) => {
      const series = library(scripted);
      return (i: number, n: number) => {
        const p = point(i, n, ctx.now, 'series');
        return series.insert(p.name, p.value, { timestamp: p.timestamp });
      };
    };
    const viaPipeline = (i: number, n: number) =>
      client.pipeline(idealSingle(point(i, n, ctx.now, 'series'), ctx.now));
    const viaCalls = (i: number, n: number) =>
      client.small(idealSingle(point(i, n, ctx.now, 'series'), ctx.now));

    const paths = [
      { path: 'ideal: one pipeline per point', insert: viaPipeline, ideal: true },
      ...(client.kind === 'ioredis'
        ? []
        : [
            {
              path: 'ideal: one call per command (client batching)',
              insert: viaCalls,
              ideal: true,
            },
          ]),
      {
        path: 'Kairos, scripted (inserts of a tick: EVALs of 32 values)',
        insert: viaLibrary(true),
        ideal: false,
      },
      {
        path: 'Kairos, coalesced commands (inserts of a tick: pipelines of 32 values)',
        insert: viaLibrary(false),
        ideal: false,
      },
    ];
    for (const { insert } of paths) {
      await admin(ctx.port, ['FLUSHALL']);
      await inParallel(Math.min(total, 10_000), concurrency, insert);
    }
    let idealRate = 0;
    let idealKeys = '';
    for (const { path, insert, ideal } of paths) {
      await admin(ctx.port, ['FLUSHALL']);
      const cost = await measure(ctx.port, () => inParallel(total, concurrency, insert));
      const value = total / (cost.ms / 1000);
      // Concurrent callers interleave differently from run to run, so lists may be ordered
      // differently; the key count must match.
      const keys = (await datasetDigest(client)).split(':')[0]!;
      if (ideal) {
        idealRate = Math.max(idealRate, value);
        idealKeys = keys;
      }
      ctx.record({
        scenario,
        client: client.label,
        path,
        value,
        unit: 'points/s',
        redisBenchmark: ctx.ceilings.RPUSH,
        ...(ideal ? {} : { ideal: idealRate, floor: 0.8 * idealRate, target: TARGET }),
        cost,
        ...(keys === idealKeys ? {} : { note: `KEY COUNT DIFFERS (${keys} vs ${idealKeys})` }),
      });
    }
  }
  await admin(ctx.port, ['FLUSHALL']);
}

/** Runs `insert(i)` for i < total with `width` callers, each awaiting its previous call. */
async function inParallel(
  total: number,
  width: number,
  insert: (i: number, total: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const caller = async () => {
    for (let i = next++; i < total; i = next++) await insert(i, total);
  };
  await Promise.all(Array.from({ length: width }, caller));
}
