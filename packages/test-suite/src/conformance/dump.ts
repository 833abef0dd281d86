import {
  type Command,
  type Driver,
  type DumpRecord,
  InvalidRecordError,
  type SeriesType,
  StorageError,
  Timeseries,
} from '@kairos/core';
import { manualClock } from '@kairos/testing';
import { collect } from '../support/failure';
import type { SuiteContext } from './context';
import { bucketOf, NOW } from './model';

/** Every series type, as dump and restore must keep each of them exactly. */
export const ALL_TYPES: readonly SeriesType[] = ['series', 'histogram', 'count', 'gauge', 'set'];

/** A coarse, a fine and a calendar interval, the first with a TTL. */
export const DUMP_INTERVALS = {
  minute: { step: 60, steps: 90 },
  hour: { step: '1h', resolution: 60 },
  day: { step: 'daily', resolution: '1h' },
} as const;

/**
 * Values of every kind a type may hold: numbers, floats, text, '' and non-ASCII; counts of 0
 * too, unless `zeros` is false (a 0 into a fine interval lists a row that holds nothing,
 * which no coarser source can tell apart from no insert).
 */
function valueAt(type: SeriesType, k: number, zeros: boolean): string | number {
  if (type === 'count') return k % 5 === 0 ? 0.25 : (k % 3) + (zeros ? 0 : 1);
  const kinds = [k % 4, `v${k % 6}`, 1.5, '', 'é€😀', -k];
  return kinds[k % kinds.length] as string | number;
}

/** Inserts two names' data over the last 80 minutes, in time order. */
export async function fillSource(
  t: Timeseries<SeriesType>,
  type: SeriesType,
  zeros = true,
): Promise<void> {
  for (let k = 0; k < 60; k++) {
    const at = NOW - 80 * 60 + k * 79;
    await t.insert(k % 3 === 0 ? 'b' : 'a', valueAt(type, k, zeros), { timestamp: at });
  }
}

/** Every record of a dump, in a canonical order and without TTLs (which tick). */
export async function dumped(t: Timeseries<SeriesType>): Promise<Omit<DumpRecord, 'ttl'>[]> {
  const out: Omit<DumpRecord, 'ttl'>[] = [];
  for await (const { ttl: _, ...record } of t.dump()) out.push(record);
  const key = (r: Omit<DumpRecord, 'ttl'>) =>
    `${r.name}|${r.interval}|${r.bucket}|${r.resolution ?? ''}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * `dump` and `restore`: a restore under another prefix reads back like the source for every
 * type and read; restores are idempotent (twice, or again after dying half-way); bad
 * records are refused chunk by chunk; TTLs carry over; keys written as Python kairos wrote
 * them dump alike.
 */
export function dumpTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const sameReads = async (a: Timeseries<SeriesType>, b: Timeseries<SeriesType>) => {
    expect(await b.list()).toEqual(await a.list());
    for (const name of await a.list()) {
      expect(await b.properties(name)).toEqual(await a.properties(name));
      for (const interval of Object.keys(DUMP_INTERVALS)) {
        const range = { start: NOW - 2 * 3600, end: NOW };
        expect(await b.series(name, interval, range)).toEqual(
          await a.series(name, interval, range),
        );
        const condensed = { ...range, condense: true } as const;
        expect(await b.series(name, interval, condensed)).toEqual(
          await a.series(name, interval, condensed),
        );
        expect(await b.get(name, interval, { timestamp: NOW - 1800 })).toEqual(
          await a.get(name, interval, { timestamp: NOW - 1800 }),
        );
      }
    }
    const range = { start: NOW - 2 * 3600, end: NOW, condense: true } as const;
    const joined = (t: Timeseries<SeriesType>) =>
      t.type === 'gauge'
        ? t.series(['a', 'b'], 'hour', { ...range, transform: 'last' })
        : t.series(['a', 'b'], 'hour', { ...range, transform: ['count', 'rate', 'max'] });
    expect(await joined(b)).toEqual(await joined(a));
  };

  ctx.api.describe('dump and restore', () => {
    ctx.test('restored under another prefix, every type reads back alike', async () => {
      for (const type of ALL_TYPES) {
        const source = ctx.fresh({ type, intervals: DUMP_INTERVALS });
        await fillSource(source.t, type);
        const records = await collect(source.t.dump());
        // Every key is a record, but a fine bucket's index, whose rows are records of their own.
        const stored = records.filter((record) => record.data !== null).length;
        expect(stored).toBe((await source.keys()).length - countIndexes(records));
        const target = ctx.fresh({ type, intervals: DUMP_INTERVALS });
        const summary = await target.t.restore(records);
        expect(summary.buckets).toBe(records.length);
        expect(summary.names).toBe(2);
        await sameReads(source.t, target.t);
        expect(await dumped(target.t)).toEqual(await dumped(source.t));
      }
    });

    ctx.test(
      'the prefix option writes under that prefix, in the layout of the target',
      async () => {
        const source = ctx.fresh({ type: 'histogram', intervals: DUMP_INTERVALS });
        await fillSource(source.t, 'histogram');
        const other = `${ctx.uniquePrefix()}other`;
        const restored = await source.t.restore(source.t.dump(), { prefix: other });
        const copy = new Timeseries(ctx.driver(), {
          type: 'histogram',
          intervals: DUMP_INTERVALS,
          prefix: other,
          clock: () => NOW,
        });
        expect(restored.buckets).toBeGreaterThanOrEqual(1);
        await sameReads(source.t, copy);
        expect((await ctx.scanKeys(`${other}:*`))[0]).toContain(ctx.nameKey(`${other}:`, 'a'));
      },
    );

    ctx.test('restoring twice, or on top of changed data, leaves the same keys', async () => {
      for (const type of ALL_TYPES) {
        const source = ctx.fresh({ type, intervals: DUMP_INTERVALS });
        await fillSource(source.t, type);
        const records = await collect(source.t.dump());
        const target = ctx.fresh({ type, intervals: DUMP_INTERVALS });
        await target.t.restore(records);
        const once = await ctx.snapshot(target.prefix);
        await target.t.restore(records);
        expect(await ctx.snapshot(target.prefix)).toEqual(once);
        await fillSource(target.t, type); // doubles every bucket…
        await target.t.restore(records); // …and the restore puts them back
        expect(await ctx.snapshot(target.prefix)).toEqual(once);
      }
    });

    ctx.test('names and intervals narrow the dump', async () => {
      const source = ctx.fresh({ type: 'count', intervals: DUMP_INTERVALS });
      await fillSource(source.t, 'count');
      const onlyB = await collect(source.t.dump('b', { intervals: ['minute'] }));
      expect(onlyB.length).toBeGreaterThanOrEqual(1);
      for (const record of onlyB) {
        expect(record.name).toBe('b');
        expect(record.interval).toBe('minute');
      }
      const all = await collect(source.t.dump());
      expect(onlyB.length).toBe(
        all.filter((r) => r.name === 'b' && r.interval === 'minute').length,
      );
      expect(await collect(source.t.dump(['nobody']))).toEqual([]);
    });

    ctx.test(
      'a bad record: typed error naming it; chunks before it written, its own not',
      async () => {
        const target = ctx.fresh({ type: 'series', intervals: { minute: { step: 60 } } });
        const record = (k: number): DumpRecord => ({
          name: `n${k}`,
          interval: 'minute',
          type: 'series',
          bucket: bucketOf(NOW, 60),
          start: bucketOf(NOW, 60) * 60,
          ttl: null,
          data: Array.from({ length: 1_000 }, (_, v) => `${v}`),
        });
        // Ten records fill the first chunk (10,000 values); the 13th is bad.
        const records = Array.from({ length: 15 }, (_, k) => record(k + 1));
        (records[12] as { data: unknown }).data = [1, 2];
        const error = await target.t.restore(records).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidRecordError);
        expect((error as InvalidRecordError).record).toBe(13);
        expect((error as Error).message).toMatch(
          /record 13: series data must be an array of strings \("n13" "minute"/,
        );
        expect(await target.t.list()).toEqual(
          Array.from({ length: 10 }, (_, k) => `n${k + 1}`).sort(),
        );
        // A record for another schema's interval bucket is refused too.
        const moved = { ...record(1), start: record(1).start + 30 };
        const other = await target.t.restore([moved]).catch((e: unknown) => e);
        expect((other as Error).message).toMatch(/record 1: start .*another schema/);
      },
    );

    if (ctx.features.largeBatches) {
      ctx.test('a restore that dies half-way and runs again ends identical', async () => {
        const source = ctx.fresh({ type: 'series', intervals: DUMP_INTERVALS });
        const entries: [number, Record<string, number[]>][] = [];
        for (let m = 0; m < 60; m++) {
          entries.push([NOW - 3600 + m * 60, { a: range(200, m), b: range(200, -m) }]);
        }
        await source.t.bulkInsert(entries);
        const records = await collect(source.t.dump());
        const target = ctx.fresh({ type: 'series', intervals: DUMP_INTERVALS });
        const dying = new Timeseries(failingAfter(ctx.driver(), 1), {
          type: 'series',
          intervals: DUMP_INTERVALS,
          prefix: target.prefix,
          clock: target.clock,
        });
        const error = await dying.restore(records).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StorageError);
        const part = await ctx.scanKeys(`${target.prefix}*`);
        expect(part.length).toBeGreaterThanOrEqual(1);
        expect(part.length).toBeLessThan((await source.keys()).length);
        const summary = await target.t.restore(records);
        expect(summary.values).toBe(24_000 * 3);
        expect(await dumped(target.t)).toEqual(await dumped(source.t));
        const done = await ctx.snapshot(target.prefix);
        await target.t.restore(records);
        expect(await ctx.snapshot(target.prefix)).toEqual(done);
      });
    }

    if (ctx.features.ttl) {
      ctx.test(
        'TTLs carry over; a bucket whose TTL ran out since the dump is skipped',
        async () => {
          const source = ctx.fresh({
            type: 'count',
            intervals: { minute: { step: 60, steps: 10 } },
          });
          await source.t.insert('c', 2, { timestamp: NOW - 8 * 60 }); // 2 minutes left
          await source.t.insert('c', 3, { timestamp: NOW }); // 10 minutes left
          const records = await collect(source.t.dump());
          expect(records.map((r) => Math.round(r.ttl ?? 0)).sort((a, b) => a - b)).toEqual([
            120, 600,
          ]);
          const target = ctx.fresh({
            type: 'count',
            intervals: { minute: { step: 60, steps: 10 } },
          });
          // Restored five minutes after the dump: one bucket is gone, the other has 5 left.
          target.clock.set(NOW + 300);
          const summary = await target.t.restore(records, { dumpedAt: NOW });
          expect(summary).toEqual({ buckets: 1, values: 1, names: 1, expired: 1 });
          const [key] = await target.keys();
          const [pttl] = await ctx.raw([['PTTL', key as string]]);
          expect(Number(pttl)).toBeLessThanOrEqual(300_000);
          expect(Number(pttl)).toBeGreaterThanOrEqual(297_000);
        },
      );
    }

    ctx.test('keys as Python kairos wrote them dump like our own', async () => {
      const prefix = `${ctx.uniquePrefix()}py:`;
      const base = ctx.nameKey(prefix, 'logins');
      const m = bucketOf(NOW, 60);
      const h = bucketOf(NOW, 3600);
      const commands: Command[] = [
        ['INCR', `${base}:minute:${m}`],
        ['INCRBY', `${base}:minute:${m - 1}`, 41],
        ['SADD', `${base}:hour:${h}`, m - 1, m],
        ['INCRBY', `${base}:hour:${h}:${m - 1}`, 41],
        ['INCR', `${base}:hour:${h}:${m}`],
      ];
      await ctx.raw(commands);
      const t = new Timeseries(ctx.driver(), {
        type: 'count',
        prefix,
        intervals: { minute: { step: 60 }, hour: { step: 3600, resolution: 60 } },
        clock: manualClock(NOW),
      });
      const records = await collect(t.dump());
      const brief = records
        .map((r) => [r.interval, r.bucket, r.resolution ?? null, r.data, r.ttl] as const)
        .sort((a, b) => `${a[0]}${a[2]}${a[1]}`.localeCompare(`${b[0]}${b[2]}${b[1]}`));
      expect(brief).toEqual([
        ['hour', h, m - 1, 41, null],
        ['hour', h, m, 1, null],
        ['minute', m - 1, null, 41, null],
        ['minute', m, null, 1, null],
      ]);
    });
  });
}

/** Fine interval keys (the index SETs) are not records: one per fine interval bucket. */
function countIndexes(records: readonly DumpRecord[]): number {
  return new Set(
    records
      .filter((r) => r.resolution !== undefined)
      .map((r) => `${r.name}:${r.interval}:${r.bucket}`),
  ).size;
}

function range(n: number, seed: number): number[] {
  return Array.from({ length: n }, (_, k) => k * 7 + seed);
}

/** The driver, with every pipeline after the first `ok` rejecting (a restore killed half-way). */
function failingAfter(inner: Driver, ok: number): Driver {
  let calls = 0;
  return {
    cluster: inner.cluster,
    ...(inner.scripts === undefined ? {} : { scripts: inner.scripts }),
    scan: (match) => inner.scan(match),
    exec: (commands) => {
      calls += 1;
      return calls > ok
        ? Promise.reject(new Error('connection lost (test)'))
        : inner.exec(commands);
    },
  };
}
