import type { TransformName } from '@kairos/core';
import type { SuiteContext } from './context';
import { calendarDuration, NOW } from './model';

/** Built-in transforms per type (README "Transforms"); numeric data via `read: Number`. */
export function transformTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const minute = { minute: { step: 60 } };
  const t = NOW + 1;
  type Row = Map<number, unknown>;
  const one = async (result: Promise<Row>) => [...(await result).values()][0];

  ctx.api.describe('transforms', () => {
    ctx.test('series: count, sum, mean, min, max, rate, first, last, median, p100', async () => {
      const f = ctx.fresh({ type: 'series', read: Number, intervals: minute });
      await f.t.insert('s', [4, 10, 1, 7, 3], { timestamp: t });
      const get = (transform: TransformName) =>
        one(f.t.get('s', 'minute', { timestamp: t, transform }));
      expect(await get('count')).toBe(5);
      expect(await get('sum')).toBe(25);
      expect(await get('mean')).toBe(5);
      expect(await get('min')).toBe(1);
      expect(await get('max')).toBe(10);
      expect(await get('rate')).toBe(5 / 60);
      expect(await get('first')).toBe(4);
      expect(await get('last')).toBe(3);
      expect(await get('median')).toBe(4);
      expect(await get('p100')).toBe(10);
      expect(await get('p50')).toBe(4);
    });

    ctx.test('histogram: weighted by counts; rate is a Map of per-value rates', async () => {
      const f = ctx.fresh({ type: 'histogram', read: Number, intervals: minute });
      await f.t.insert('h', [2, 2, 2, 5, 11], { timestamp: t });
      const get = (transform: TransformName) =>
        one(f.t.get('h', 'minute', { timestamp: t, transform }));
      expect(await get('count')).toBe(5);
      expect(await get('sum')).toBe(2 * 3 + 5 + 11);
      expect(await get('mean')).toBe((2 * 3 + 5 + 11) / 5);
      expect(await get('min')).toBe(2);
      expect(await get('max')).toBe(11);
      expect(await get('median')).toBe(2);
      expect(await get('rate')).toEqual(
        new Map([
          [2, 3 / 60],
          [5, 1 / 60],
          [11, 1 / 60],
        ]),
      );
    });

    ctx.test('set: count, sum, mean, min, max, rate over the distinct values', async () => {
      const f = ctx.fresh({ type: 'set', read: Number, intervals: minute });
      await f.t.insert('z', [3, 3, 9, 6], { timestamp: t });
      const get = (transform: TransformName) =>
        one(f.t.get('z', 'minute', { timestamp: t, transform }));
      expect(await get('count')).toBe(3);
      expect(await get('sum')).toBe(18);
      expect(await get('mean')).toBe(6);
      expect(await get('min')).toBe(3);
      expect(await get('max')).toBe(9);
      expect(await get('rate')).toBe(3 / 60);
    });

    ctx.test('count: rate divides by the duration, other names return the scalar', async () => {
      const f = ctx.fresh({ type: 'count', intervals: minute });
      await f.t.insert('c', 30, { timestamp: t });
      const get = (transform: TransformName) =>
        one(f.t.get('c', 'minute', { timestamp: t, transform }));
      expect(await get('rate')).toBe(0.5);
      for (const name of ['count', 'sum', 'mean', 'min', 'max', 'median', 'p99'] as const)
        expect(await get(name)).toBe(30);
    });

    ctx.test('gauge: every named transform, rate included, returns the scalar', async () => {
      const f = ctx.fresh({ type: 'gauge', read: Number, intervals: minute });
      await f.t.insert('g', 42, { timestamp: t });
      const get = (transform: TransformName) =>
        one(f.t.get('g', 'minute', { timestamp: t, transform }));
      for (const name of ['rate', 'count', 'sum', 'mean', 'min', 'max', 'last', 'p50'] as const)
        expect(await get(name)).toBe(42);
    });

    ctx.test(
      'an empty bucket: null, except count, sum and rate (0); histogram rate an empty Map',
      async () => {
        const s = ctx.fresh({ type: 'series', read: Number, intervals: minute });
        const h = ctx.fresh({ type: 'histogram', read: Number, intervals: minute });
        const z = ctx.fresh({ type: 'set', read: Number, intervals: minute });
        for (const f of [s, h, z]) {
          const get = (transform: TransformName) =>
            one(f.t.get('none', 'minute', { timestamp: t, transform }));
          for (const name of ['count', 'sum'] as const) expect(await get(name)).toBe(0);
          for (const name of ['mean', 'min', 'max', 'median', 'p95'] as const)
            expect(await get(name)).toBe(null);
          expect(await get('rate')).toEqual(f === h ? new Map() : 0);
        }
        for (const name of ['first', 'last', 'stddev'] as const) {
          expect(await one(s.t.get('none', 'minute', { timestamp: t, transform: name }))).toBe(
            null,
          );
        }
      },
    );

    ctx.test('min, max, median of strings compare by code unit', async () => {
      const f = ctx.fresh({ type: 'series', intervals: minute });
      await f.t.insert('w', ['b', 'B', 'a', '10', '9'], { timestamp: t });
      const get = (transform: TransformName) =>
        one(f.t.get('w', 'minute', { timestamp: t, transform }));
      expect(await get('min')).toBe('10');
      expect(await get('max')).toBe('b');
      expect(await get('median')).toBe('B');
    });

    ctx.test('stddev of constant data is 0; quantile names take decimals', async () => {
      const f = ctx.fresh({ type: 'series', read: Number, intervals: minute });
      await f.t.insert('k', [5, 5, 5], { timestamp: t });
      expect(await one(f.t.get('k', 'minute', { timestamp: t, transform: 'stddev' }))).toBe(0);
      expect(await one(f.t.get('k', 'minute', { timestamp: t, transform: 'p99.9' }))).toBe(5);
    });

    ctx.test(
      'an array of names gives an object; an object of labels gives labelled values',
      async () => {
        const f = ctx.fresh({ type: 'series', read: Number, intervals: minute });
        await f.t.insert('s', [1, 2, 3], { timestamp: t });
        expect(
          await one(f.t.get('s', 'minute', { timestamp: t, transform: ['count', 'max'] })),
        ).toEqual({
          count: 3,
          max: 3,
        });
        const labelled = await f.t.get('s', 'minute', {
          timestamp: t,
          transform: { n: 'count', total: (data: number[]) => data.reduce((a, b) => a + b, 0) },
        });
        expect([...labelled.values()]).toEqual([{ n: 3, total: 6 }]);
      },
    );

    ctx.test('series() on a fine interval transforms each resolution row', async () => {
      const f = ctx.fresh({
        type: 'series',
        read: Number,
        intervals: { hour: { step: 3600, resolution: 900 } },
      });
      await f.t.insert('s', [2, 4], { timestamp: NOW + 1000 });
      const result = await f.t.series('s', 'hour', {
        start: NOW,
        end: NOW,
        transform: (data: number[], seconds: number) => `${data.length}/${seconds}`,
      });
      expect([...result]).toEqual([[NOW, new Map([[NOW + 900, '2/900']])]]);
    });

    ctx.test('a function receives the data (after read) and the duration of the row', async () => {
      const calls: [unknown, number][] = [];
      const spy = (data: unknown, duration: number) => {
        calls.push([data, duration]);
        return 'ok';
      };
      const f = ctx.fresh({
        type: 'series',
        read: Number,
        intervals: {
          minute: { step: 60, steps: 3 },
          hour: { step: '1h', resolution: 600 },
          month: { step: 'monthly' },
        },
      });
      await f.t.insert('s', 1, { timestamp: t });
      expect(await one(f.t.get('s', 'minute', { timestamp: t, transform: spy }))).toBe('ok');
      await f.t.get('s', 'hour', { timestamp: t, transform: spy });
      await f.t.get('s', 'hour', { timestamp: t, transform: spy, condense: true });
      await f.t.series('s', 'minute', { end: t, collapse: true, transform: spy });
      await f.t.get('s', 'month', { timestamp: t, transform: spy });
      expect(calls).toEqual([
        [[1], 60],
        [[1], 600],
        [[1], 3600],
        [[1], 180],
        [[1], calendarDuration('monthly', t)],
      ]);
    });
  });
}
