import type { SuiteContext } from './context';
import { NOW, startOf } from './model';

/** Fine intervals (resolution < step): `get` per resolution bucket, and `condense`. */
export function fineTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const hour = { hour: { step: '1h', resolution: 60 } };
  // Three minutes of one hour, written out of order; the minute in between stays empty.
  const a = NOW + 3600 + 61;
  const b = NOW + 3600 + 5;
  const c = NOW + 3600 + 190;
  const ha = startOf(a, 3600);
  const [ma, mb, mc] = [startOf(a, 60), startOf(b, 60), startOf(c, 60)];

  const write = async (
    f: { t: { insert(n: string, v: unknown, o: object): Promise<void> } },
    values: unknown[],
  ) => {
    await f.t.insert('n', values[0], { timestamp: a });
    await f.t.insert('n', values[1], { timestamp: b });
    await f.t.insert('n', values[2], { timestamp: c });
    await f.t.insert('n', values[3], { timestamp: a + 1 });
  };

  ctx.api.describe('fine intervals', () => {
    ctx.test('get: one entry per resolution bucket with data, ascending', async () => {
      const f = ctx.fresh({ type: 'series', intervals: hour });
      await write(f, ['a', 'b', 'c', 'a2']);
      expect([...(await f.t.get('n', 'hour', { timestamp: c }))]).toEqual([
        [mb, ['b']],
        [ma, ['a', 'a2']],
        [mc, ['c']],
      ]);
    });

    ctx.test(
      'get of an empty fine bucket is an empty Map; condensed, one empty entry',
      async () => {
        const f = ctx.fresh({ type: 'count', intervals: hour });
        expect([...(await f.t.get('n', 'hour', { timestamp: a }))]).toEqual([]);
        expect([...(await f.t.get('n', 'hour', { timestamp: a, condense: true }))]).toEqual([
          [ha, 0],
        ]);
      },
    );

    ctx.test('condense merges resolution buckets per type', async () => {
      const series = ctx.fresh({ type: 'series', intervals: hour });
      const histogram = ctx.fresh({ type: 'histogram', intervals: hour });
      const count = ctx.fresh({ type: 'count', intervals: hour });
      const gauge = ctx.fresh({ type: 'gauge', intervals: hour });
      const set = ctx.fresh({ type: 'set', intervals: hour });
      await write(series, ['a', 'b', 'c', 'a2']);
      await write(histogram, ['x', 'y', 'x', 'x']);
      await write(count, [1, 2, 3, 0.5]);
      await write(gauge, ['ga', 'gb', 'gc', 'ga2']);
      await write(set, ['x', 'y', 'x', 'z']);
      const condensed = async (f: {
        t: { get(n: string, i: string, o: object): Promise<Map<number, unknown>> };
      }) => [...(await f.t.get('n', 'hour', { timestamp: a, condense: true }))];
      expect(await condensed(series)).toEqual([[ha, ['b', 'a', 'a2', 'c']]]);
      expect(await condensed(histogram)).toEqual([
        [
          ha,
          new Map([
            ['x', 3],
            ['y', 1],
          ]),
        ],
      ]);
      expect(await condensed(count)).toEqual([[ha, 6.5]]);
      // The last resolution bucket holding a value is minute c.
      expect(await condensed(gauge)).toEqual([[ha, 'gc']]);
      expect(await condensed(set)).toEqual([[ha, new Set(['x', 'y', 'z'])]]);
    });

    ctx.test('condense as a function receives the resolution rows in order', async () => {
      const f = ctx.fresh({ type: 'count', intervals: hour });
      await write(f, [1, 2, 3, 4]);
      const seen: [number, number][][] = [];
      const result = await f.t.get('n', 'hour', {
        timestamp: a,
        condense: (rows: Map<number, number>) => {
          seen.push([...rows]);
          return Math.max(...rows.values());
        },
      });
      expect(seen).toEqual([
        [
          [mb, 2],
          [ma, 5],
          [mc, 3],
        ],
      ]);
      expect([...result]).toEqual([[ha, 5]]);
    });

    ctx.test('condensed gauges keep the last non-null value, 0 included', async () => {
      const f = ctx.fresh({ type: 'gauge', read: Number, intervals: hour });
      await f.t.insert('g', 7, { timestamp: b });
      await f.t.insert('g', 0, { timestamp: c });
      expect([...(await f.t.get('g', 'hour', { timestamp: a, condense: true }))]).toEqual([
        [ha, 0],
      ]);
    });

    ctx.test('a calendar step with a relative resolution (daily by the hour)', async () => {
      const f = ctx.fresh({
        type: 'series',
        intervals: { day: { step: 'daily', resolution: '1h' } },
      });
      await f.t.insert('d', 'late', { timestamp: NOW + 23 * 3600 + 59 });
      await f.t.insert('d', 'early', { timestamp: NOW + 1 });
      expect([...(await f.t.get('d', 'day', { timestamp: NOW + 5 }))]).toEqual([
        [NOW, ['early']],
        [NOW + 23 * 3600, ['late']],
      ]);
      expect([...(await f.t.get('d', 'day', { timestamp: NOW + 5, condense: true }))]).toEqual([
        [NOW, ['early', 'late']],
      ]);
    });
  });
}
