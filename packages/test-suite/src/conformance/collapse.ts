import type { SuiteContext } from './context';
import { NOW } from './model';

/** `condense` and `collapse` on `series()`, as booleans and as functions. */
export function collapseTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const coarse = { minute: { step: 60, steps: 3 } };
  const fine = { hour: { step: 3600, resolution: 60, steps: 3 } };
  const firstHour = NOW - 7200;

  ctx.api.describe('condense and collapse', () => {
    ctx.test('series + condense: one flat row per interval bucket', async () => {
      const f = ctx.fresh({ type: 'series', intervals: fine });
      await f.t.insert('s', 'a', { timestamp: NOW - 3600 + 120 });
      await f.t.insert('s', 'b', { timestamp: NOW - 3600 + 60 });
      await f.t.insert('s', 'c', { timestamp: NOW + 1 });
      expect([...(await f.t.series('s', 'hour', { condense: true }))]).toEqual([
        [firstHour, []],
        [NOW - 3600, ['b', 'a']],
        [NOW, ['c']],
      ]);
    });

    ctx.test(
      'collapse: true reduces a coarse range to one entry keyed by the first bucket',
      async () => {
        const series = ctx.fresh({ type: 'series', intervals: coarse });
        const histogram = ctx.fresh({ type: 'histogram', intervals: coarse });
        const count = ctx.fresh({ type: 'count', intervals: coarse });
        const gauge = ctx.fresh({ type: 'gauge', intervals: coarse });
        const set = ctx.fresh({ type: 'set', intervals: coarse });
        const times = [NOW - 120, NOW - 60, NOW];
        const values = ['x', 'y', 'x'];
        for (let i = 0; i < 3; i++) {
          const timestamp = times[i] as number;
          const v = values[i] as string;
          await series.t.insert('n', v, { timestamp });
          await histogram.t.insert('n', v, { timestamp });
          await count.t.insert('n', i + 1, { timestamp });
          await set.t.insert('n', v, { timestamp });
        }
        await gauge.t.insert('n', 'early', { timestamp: NOW - 120 });
        await gauge.t.insert('n', 'late', { timestamp: NOW - 60 });
        const collapsed = async (f: {
          t: { series(n: string, i: string, o: object): Promise<Map<number, unknown>> };
        }) => [...(await f.t.series('n', 'minute', { collapse: true }))];
        expect(await collapsed(series)).toEqual([[NOW - 120, ['x', 'y', 'x']]]);
        expect(await collapsed(histogram)).toEqual([
          [
            NOW - 120,
            new Map([
              ['x', 2],
              ['y', 1],
            ]),
          ],
        ]);
        expect(await collapsed(count)).toEqual([[NOW - 120, 6]]);
        // The newest bucket is empty (null): the last non-null value wins.
        expect(await collapsed(gauge)).toEqual([[NOW - 120, 'late']]);
        expect(await collapsed(set)).toEqual([[NOW - 120, new Set(['x', 'y'])]]);
      },
    );

    ctx.test('collapse on a fine interval condenses first, then merges the buckets', async () => {
      const f = ctx.fresh({ type: 'count', intervals: fine });
      await f.t.insert('c', 2, { timestamp: firstHour + 60 });
      await f.t.insert('c', 3, { timestamp: NOW + 120 });
      await f.t.insert('c', 4, { timestamp: NOW + 180 });
      expect([...(await f.t.series('c', 'hour', { collapse: true }))]).toEqual([[firstHour, 9]]);
    });

    ctx.test('collapse as a function receives the interval rows', async () => {
      const f = ctx.fresh({ type: 'count', intervals: coarse });
      await f.t.insert('c', 5, { timestamp: NOW - 60 });
      const seen: [number, number][][] = [];
      const result = await f.t.series('c', 'minute', {
        collapse: (rows: Map<number, number>) => {
          seen.push([...rows]);
          return rows.size;
        },
      });
      expect(seen).toEqual([
        [
          [NOW - 120, 0],
          [NOW - 60, 5],
          [NOW, 0],
        ],
      ]);
      expect([...result]).toEqual([[NOW - 120, 3]]);
    });

    ctx.test('condense and collapse functions together on a fine interval', async () => {
      const f = ctx.fresh({ type: 'series', read: Number, intervals: fine });
      await f.t.insert('s', [1, 2], { timestamp: NOW - 3600 + 60 });
      await f.t.insert('s', 3, { timestamp: NOW - 3600 + 120 });
      await f.t.insert('s', 10, { timestamp: NOW });
      const result = await f.t.series('s', 'hour', {
        start: NOW - 3600,
        end: NOW,
        // Each hour: the sum of its minutes, as a one-element series.
        condense: (rows: Map<number, number[]>) => [
          [...rows.values()].flat().reduce((x, y) => x + y, 0),
        ],
        collapse: (rows: Map<number, number[]>) => [...rows.values()].flat(),
      });
      expect([...result]).toEqual([[NOW - 3600, [6, 10]]]);
    });

    ctx.test('collapsed gauges keep 0 and the empty string as values', async () => {
      const numeric = ctx.fresh({ type: 'gauge', read: Number, intervals: coarse });
      await numeric.t.insert('g', 4, { timestamp: NOW - 120 });
      await numeric.t.insert('g', 0, { timestamp: NOW - 60 });
      expect([...(await numeric.t.series('g', 'minute', { collapse: true }))]).toEqual([
        [NOW - 120, 0],
      ]);
      const text = ctx.fresh({ type: 'gauge', intervals: coarse });
      await text.t.insert('g', 'x', { timestamp: NOW - 120 });
      await text.t.insert('g', '', { timestamp: NOW });
      expect([...(await text.t.series('g', 'minute', { collapse: true }))]).toEqual([
        [NOW - 120, ''],
      ]);
    });
  });
}
