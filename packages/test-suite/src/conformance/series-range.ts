import type { SuiteContext } from './context';
import { at, calendarBucket, NOW } from './model';

/** `series()` range rules (README "Reading"); every bucket in the range appears. */
export function seriesRangeTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const intervals = { minute: { step: 60, steps: 5 }, bare: { step: 60 } };
  /** `n` consecutive minute starts from `first`. */
  const minutes = (first: number, n: number) => Array.from({ length: n }, (_, i) => first + 60 * i);
  const keysOf = async (result: Promise<Map<number, unknown>>) => [...(await result).keys()];

  ctx.api.describe('series ranges', () => {
    ctx.test('neither start nor end: `steps` buckets ending now', async () => {
      const f = ctx.fresh({ type: 'series', intervals });
      f.clock.set(NOW + 59.9);
      expect(await keysOf(f.t.series('s', 'minute'))).toEqual(minutes(NOW - 240, 5));
    });

    ctx.test('only start: `steps` buckets from it', async () => {
      const f = ctx.fresh({ type: 'series', intervals });
      expect(await keysOf(f.t.series('s', 'minute', { start: NOW + 30 }))).toEqual(minutes(NOW, 5));
    });

    ctx.test('only end: `steps` buckets ending at it', async () => {
      const f = ctx.fresh({ type: 'series', intervals });
      expect(await keysOf(f.t.series('s', 'minute', { end: NOW + 30 }))).toEqual(
        minutes(NOW - 240, 5),
      );
    });

    ctx.test('start and end: both inclusive, whatever `steps` says', async () => {
      const f = ctx.fresh({ type: 'series', intervals });
      const result = f.t.series('s', 'minute', { start: NOW + 59, end: NOW + 60 * 8 });
      expect(await keysOf(result)).toEqual(minutes(NOW, 9));
      expect(await keysOf(f.t.series('s', 'minute', { start: NOW, end: NOW + 1 }))).toEqual([NOW]);
    });

    ctx.test('Date bounds work like seconds', async () => {
      const f = ctx.fresh({ type: 'series', intervals });
      const start = new Date(NOW * 1000);
      const end = new Date((NOW + 120) * 1000);
      expect(await keysOf(f.t.series('s', 'minute', { start, end }))).toEqual(minutes(NOW, 3));
    });

    ctx.test('the steps option overrides the interval; without either, 1 bucket', async () => {
      const f = ctx.fresh({ type: 'series', intervals });
      expect(await keysOf(f.t.series('s', 'minute', { steps: 2, end: NOW }))).toEqual(
        minutes(NOW - 60, 2),
      );
      expect(await keysOf(f.t.series('s', 'minute', { steps: 3, start: NOW }))).toEqual(
        minutes(NOW, 3),
      );
      expect(await keysOf(f.t.series('s', 'bare'))).toEqual([NOW]);
      expect(await keysOf(f.t.series('s', 'bare', { end: NOW + 200 }))).toEqual([NOW + 180]);
    });

    ctx.test('every bucket appears, empty or not, with its data', async () => {
      const f = ctx.fresh({ type: 'count', intervals });
      await f.t.insert('c', 3, { timestamp: NOW - 100 });
      await f.t.insert('c', 1, { timestamp: NOW });
      expect([...(await f.t.series('c', 'minute'))]).toEqual([
        [NOW - 240, 0],
        [NOW - 180, 0],
        [NOW - 120, 3],
        [NOW - 60, 0],
        [NOW, 1],
      ]);
    });

    ctx.test(
      'fine: a Map of resolution rows per interval bucket, empty Maps included',
      async () => {
        const f = ctx.fresh({
          type: 'series',
          intervals: { hour: { step: 3600, resolution: 600, steps: 3 } },
        });
        await f.t.insert('s', 'x', { timestamp: NOW - 3600 + 610 });
        const result = await f.t.series('s', 'hour');
        expect([...result.keys()]).toEqual([NOW - 7200, NOW - 3600, NOW]);
        expect(result.get(NOW - 7200)).toEqual(new Map());
        expect(result.get(NOW - 3600)).toEqual(new Map([[NOW - 3600 + 600, ['x']]]));
        expect(result.get(NOW)).toEqual(new Map());
      },
    );

    ctx.test('calendar ranges walk months of different lengths', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { month: { step: 'monthly', steps: 4 } } });
      // "now" inside the range, or the write would be older than `steps` months and skipped.
      f.clock.set(at('2024-03-15T00:00:00Z'));
      await f.t.insert('m', 2, { timestamp: at('2024-02-29T12:00:00Z') });
      const months = await f.t.series('m', 'month', {
        start: at('2024-01-31T23:00:00Z'),
        end: at('2024-04-01T00:00:00Z'),
      });
      expect([...months]).toEqual([
        [at('2024-01-01T00:00:00Z'), 0],
        [at('2024-02-01T00:00:00Z'), 2],
        [at('2024-03-01T00:00:00Z'), 0],
        [at('2024-04-01T00:00:00Z'), 0],
      ]);
      const byEnd = await f.t.series('m', 'month', { end: at('2024-02-10T00:00:00Z') });
      expect([...byEnd.keys()]).toEqual(
        ['2023-11-01', '2023-12-01', '2024-01-01', '2024-02-01'].map((d) => at(`${d}T00:00:00Z`)),
      );
    });

    ctx.test('weekly ranges follow ISO weeks across a year end', async () => {
      const f = ctx.fresh({ type: 'series', intervals: { week: { step: 'weekly', steps: 3 } } });
      const end = at('2025-01-01T12:00:00Z');
      const starts = [
        at('2024-12-16T00:00:00Z'),
        at('2024-12-23T00:00:00Z'),
        at('2024-12-30T00:00:00Z'),
      ];
      expect(calendarBucket('weekly', end).start).toBe(starts[2]);
      expect(await keysOf(f.t.series('w', 'week', { end }))).toEqual(starts);
    });
  });
}
