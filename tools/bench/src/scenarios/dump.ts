import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type DumpRecord, Timeseries } from '@kairos/core';
import type { BenchClient, ClientKind } from '../clients';
import { CLIENT_LABELS } from '../clients';
import { INTERVALS, streamEntries } from '../dataset';
import { admin, measure } from '../measure';
import type { BenchContext } from './context';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('../dump-child.ts', import.meta.url));
const DUMP_TARGET = 500_000;
const RESTORE_TARGET = 300_000;
const LIMIT_MB = 256;
/** Keys per raw pipeline of the ceilings, as dump reads them. */
const KEYS_PER_PIPELINE = 256;

/** Writes points so that the series stores `values` values (each point lands in both intervals). */
async function load(series: Timeseries<'series'>, values: number, now: number) {
  await series.bulkInsert(streamEntries(values / 2, now, 'series'));
}

/**
 * (g) dump and restore of a series data set of `dumpValues` stored values, against the raw
 * pipelined read of the same keys (and PTTLs) and a hand-written pipeline writing the same
 * lists (DEL + RPUSH + PEXPIRE per key, the index SADDs) through the same client.
 */
export async function dumpScenario(ctx: BenchContext, clients: readonly BenchClient[]) {
  const values = ctx.options.dumpValues;
  const scenario = (what: string) =>
    `(g) ${what} ${values.toLocaleString('en')} series values (${(values / 2).toLocaleString('en')} points × 2 intervals)`;
  for (const client of clients) {
    await admin(ctx.port, ['FLUSHALL']);
    const source = new Timeseries(client.driver, {
      type: 'series',
      intervals: INTERVALS,
      prefix: 'src',
      clock: () => ctx.now,
    });
    await load(source, values, ctx.now);
    const keys = await scanKeys(client, 'src:*');

    let records: DumpRecord[] = [];
    const dumpCost = await measure(ctx.port, async () => {
      records = [];
      for await (const record of source.dump()) records.push(record);
    });
    const dumped = records.reduce((n, r) => n + (Array.isArray(r.data) ? r.data.length : 0), 0);
    if (dumped !== values) throw new Error(`(g) dumped ${dumped} values, expected ${values}`);
    const readCost = await measure(ctx.port, () => rawRead(client, keys));
    ctx.record({
      scenario: scenario('dump'),
      client: client.label,
      path: 'raw pipelined read (LRANGE/SMEMBERS + PTTL per key)',
      value: values / (readCost.ms / 1000),
      unit: 'points/s',
      cost: readCost,
    });
    ctx.record({
      scenario: scenario('dump'),
      client: client.label,
      path: 'Kairos dump()',
      value: values / (dumpCost.ms / 1000),
      unit: 'points/s',
      ideal: values / (readCost.ms / 1000),
      target: DUMP_TARGET,
      cost: dumpCost,
      note: 'values/s',
    });

    const target = new Timeseries(client.driver, {
      type: 'series',
      intervals: INTERVALS,
      prefix: 'dst',
      clock: () => ctx.now,
    });
    const restoreCost = await measure(ctx.port, () => target.restore(records));
    const ideal = idealRestore(records);
    await admin(ctx.port, ['FLUSHALL']);
    const idealCost = await measure(ctx.port, async () => {
      for (const batch of ideal) await client.pipeline(batch);
    });
    ctx.record({
      scenario: scenario('restore'),
      client: client.label,
      path: 'ideal pipeline (hand-written DEL + RPUSH + PEXPIRE)',
      value: values / (idealCost.ms / 1000),
      unit: 'points/s',
      cost: idealCost,
    });
    ctx.record({
      scenario: scenario('restore'),
      client: client.label,
      path: 'Kairos restore(), scripted',
      value: values / (restoreCost.ms / 1000),
      unit: 'points/s',
      ideal: values / (idealCost.ms / 1000),
      target: RESTORE_TARGET,
      cost: restoreCost,
      note: 'values/s',
    });
  }
  await fileScenario(ctx, ['ioredis', 'node-redis']);
  await admin(ctx.port, ['FLUSHALL']);
}

/** Peak RSS of a large dump to a .gz file and its restore, each in a process of its own. */
async function fileScenario(ctx: BenchContext, kinds: readonly ClientKind[]) {
  const values = ctx.options.dumpFileValues;
  const dir = mkdtempSync(join(tmpdir(), 'kairos-bench-dump-'));
  try {
    for (const kind of kinds) {
      await admin(ctx.port, ['FLUSHALL']);
      const file = join(dir, `${kind}.ndjson.gz`);
      for (const mode of ['load', 'dump', 'restore'] as const) {
        const { stdout } = await run(
          process.execPath,
          [
            ...process.execArgv,
            CHILD,
            mode,
            kind,
            String(ctx.port),
            String(values),
            String(ctx.now),
            file,
          ],
          { maxBuffer: 1 << 20 },
        );
        if (mode === 'load') continue;
        const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
          ms: number;
          peakRssMb: number;
          values: number;
          fileMb: number;
        };
        if (result.values !== values) {
          throw new Error(
            `(g) ${mode} through a file moved ${result.values} values, expected ${values}`,
          );
        }
        ctx.record({
          scenario: `(g) ${mode} ${values.toLocaleString('en')} series values through a .gz file`,
          client: CLIENT_LABELS[kind],
          path: `Kairos ${mode}: peak RSS`,
          value: result.peakRssMb,
          unit: 'MB',
          lowerIsBetter: true,
          floor: LIMIT_MB,
          note: `${Math.round(values / (result.ms / 1000)).toLocaleString('en')} values/s; file ${result.fileMb.toFixed(1)} MB`,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function scanKeys(client: BenchClient, match: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = (
      await client.pipeline([['SCAN', cursor, 'MATCH', match, 'COUNT', '1000']])
    )[0] as [string, string[]];
    keys.push(...found);
    cursor = String(next);
  } while (cursor !== '0');
  return keys;
}

/** The raw read of every key with its PTTL, the rows of fine buckets second, as dump does. */
async function rawRead(client: BenchClient, keys: readonly string[]) {
  for (let n = 0; n < keys.length; n += KEYS_PER_PIPELINE) {
    const batch = keys.slice(n, n + KEYS_PER_PIPELINE);
    // Keys with 4 parts after the prefix are rows: read them as lists; indexes as sets.
    await client.pipeline(
      batch.flatMap((key) => [
        key.split(':').length === 5 || key.includes(':day:')
          ? ['LRANGE', key, '0', '-1']
          : ['SMEMBERS', key],
        ['PTTL', key],
      ]),
    );
  }
}

/** The writes of a restore as hand-written pipelines of about 10,000 values. */
function idealRestore(records: readonly DumpRecord[]): string[][][] {
  const batches: string[][][] = [];
  let batch: string[][] = [];
  let size = 0;
  for (const r of records) {
    const base = `dst:${r.name}:${r.interval}:${r.bucket}`;
    const key = r.resolution === undefined ? base : `${base}:${r.resolution}`;
    batch.push(['DEL', key], ['RPUSH', key, ...(r.data as string[])]);
    if (r.ttl !== null) batch.push(['PEXPIRE', key, String(Math.round(r.ttl * 1000))]);
    if (r.resolution !== undefined) batch.push(['SADD', base, String(r.resolution)]);
    size += (r.data as string[]).length;
    if (size >= 10_000) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
  }
  if (batch.length) batches.push(batch);
  return batches;
}
