import { type SeriesType, Timeseries } from '@kairos/core';
import { type BenchClient, withScripts } from '../clients';
import { entries, INTERVALS } from '../dataset';
import { datasetDigest } from '../digest';
import { idealChunks } from '../ideal';
import { admin, type Cost, measure } from '../measure';
import type { BenchContext } from './context';

/** The library's chunk size (values per pipeline), mirrored by the ideal pipeline. */
const CHUNK = 10_000;
const WARMUP_POINTS = 50_000;

/** Floors and targets of (a) and (b), in points/s. */
const TARGETS: Partial<Record<SeriesType, number>> = { series: 500_000, count: 1_200_000 };

/**
 * (a) and (b): bulk insert of `points` points over 100 names and one day, into a coarse
 * TTL'd and a fine interval, by the library (scripted and plain commands) and by the
 * hand-written coalesced pipeline; checks that all three leave the same data.
 */
export async function bulkScenario(
  ctx: BenchContext,
  clients: readonly BenchClient[],
  type: SeriesType,
): Promise<void> {
  const { points } = ctx.options;
  const data = entries(points, ctx.now, type);
  const warmData = entries(WARMUP_POINTS, ctx.now, type);
  const ideal = idealChunks(points, ctx.now, type, CHUNK);
  const warmIdeal = idealChunks(WARMUP_POINTS, ctx.now, type, CHUNK);
  const scenario = `(${type === 'series' ? 'a' : 'b'}) bulk ${type}, ${points.toLocaleString('en')} points`;
  const ceiling = { series: 'RPUSH', count: 'INCRBYFLOAT', histogram: 'HINCRBY' } as const;
  const redisBenchmark = ctx.ceilings[ceiling[type as keyof typeof ceiling] ?? 'RPUSH'];

  for (const client of clients) {
    const library = (scripted: boolean) =>
      new Timeseries(withScripts(client.driver, scripted), {
        type,
        intervals: INTERVALS,
        clock: () => ctx.now,
      });
    const sendIdeal = async (chunks: string[][][]) => {
      for (const chunk of chunks) await client.pipeline(chunk);
    };
    // Warm the JIT on every path before timing any.
    for (const run of [
      () => library(true).bulkInsert(warmData),
      () => library(false).bulkInsert(warmData),
      () => sendIdeal(warmIdeal),
    ]) {
      await admin(ctx.port, ['FLUSHALL']);
      await run();
    }

    const timed = async (run: () => Promise<unknown>) => {
      await admin(ctx.port, ['FLUSHALL']);
      const cost = await measure(ctx.port, run);
      return { cost, digest: await datasetDigest(client) };
    };
    const idealRun = await timed(() => sendIdeal(ideal));
    const idealRate = rate(points, idealRun.cost);
    ctx.record({
      scenario,
      client: client.label,
      path: 'ideal pipeline (hand-written)',
      value: idealRate,
      unit: 'points/s',
      redisBenchmark,
      ideal: idealRate,
      cost: idealRun.cost,
    });
    for (const scripted of [true, false]) {
      const run = await timed(() => library(scripted).bulkInsert(data));
      const same = run.digest === idealRun.digest;
      ctx.record({
        scenario,
        client: client.label,
        path: scripted ? 'Kairos, scripted (EVALs per chunk)' : 'Kairos, coalesced commands',
        value: rate(points, run.cost),
        unit: 'points/s',
        redisBenchmark,
        ideal: idealRate,
        floor: 0.8 * idealRate,
        ...(TARGETS[type] ? { target: TARGETS[type] } : {}),
        cost: run.cost,
        ...(same
          ? {}
          : {
              note: `DATA DIFFERS from the ideal pipeline's (${run.digest} vs ${idealRun.digest})`,
            }),
      });
    }
  }
  await admin(ctx.port, ['FLUSHALL']);
}

function rate(points: number, cost: Cost): number {
  return points / (cost.ms / 1000);
}
