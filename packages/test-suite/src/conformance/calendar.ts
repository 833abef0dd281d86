import type { SuiteContext } from './context';
import { at, type CalendarUnit, calendarBucket } from './model';

/** Calendar intervals (UTC): every type on daily, weekly (ISO), monthly and yearly buckets. */
export function calendarTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const intervals = {
    daily: { step: 'daily' },
    weekly: { step: 'weekly' },
    monthly: { step: 'monthly' },
    yearly: { step: 'yearly' },
  } as const;
  const units: CalendarUnit[] = ['daily', 'weekly', 'monthly', 'yearly'];
  // Monday 2024-12-30 is in ISO week 1 of 2025; 23:59:59 UTC is still the 30th.
  const t = at('2024-12-30T23:59:59Z');
  const fixture = <T extends 'series' | 'histogram' | 'count' | 'gauge' | 'set'>(type: T) => {
    const f = ctx.fresh({ type, intervals });
    f.clock.set(t);
    return f;
  };

  ctx.api.describe('calendar intervals', () => {
    ctx.test('bucket keys and start times, across an ISO year boundary', async () => {
      const f = fixture('count');
      await f.t.insert('c', 1, { timestamp: t });
      expect(calendarBucket('weekly', t)).toEqual({
        id: 202501,
        start: at('2024-12-30T00:00:00Z'),
      });
      expect(await f.keys()).toEqual(
        [
          `${f.name('c')}:daily:20241230`,
          `${f.name('c')}:weekly:202501`,
          `${f.name('c')}:monthly:202412`,
          `${f.name('c')}:yearly:2024`,
        ].sort(),
      );
      for (const unit of units) {
        expect([...(await f.t.get('c', unit, { timestamp: t }))]).toEqual([
          [calendarBucket(unit, t).start, 1],
        ]);
      }
    });

    ctx.test('every type round-trips on every calendar step', async () => {
      const series = fixture('series');
      const histogram = fixture('histogram');
      const gauge = fixture('gauge');
      const set = fixture('set');
      for (const f of [series, histogram, gauge, set]) {
        await f.t.insert('n', 'a', { timestamp: t });
        await f.t.insert('n', 'b', { timestamp: t - 1 });
      }
      for (const unit of units) {
        const start = calendarBucket(unit, t).start;
        expect((await series.t.get('n', unit, { timestamp: t })).get(start)).toEqual(['a', 'b']);
        expect((await histogram.t.get('n', unit, { timestamp: t })).get(start)).toEqual(
          new Map([
            ['a', 1],
            ['b', 1],
          ]),
        );
        expect((await gauge.t.get('n', unit, { timestamp: t })).get(start)).toBe('b');
        expect((await set.t.get('n', unit, { timestamp: t })).get(start)).toEqual(
          new Set(['a', 'b']),
        );
      }
    });

    ctx.test('the next second is the next day, week, month and year', async () => {
      const f = fixture('count');
      f.clock.set(t + 1);
      await f.t.insert('c', 1, { timestamp: t });
      await f.t.insert('c', 10, { timestamp: t + 1 });
      expect(
        (await f.t.get('c', 'daily', { timestamp: t + 1 })).get(at('2024-12-31T00:00:00Z')),
      ).toBe(10);
      // Dec 31 is still in the same ISO week (and month and year) as Dec 30.
      expect(
        (await f.t.get('c', 'weekly', { timestamp: t + 1 })).get(at('2024-12-30T00:00:00Z')),
      ).toBe(11);
      const newYear = at('2025-01-01T00:00:00Z');
      await f.t.insert('c', 100, { timestamp: newYear });
      expect((await f.t.get('c', 'monthly', { timestamp: newYear })).get(newYear)).toBe(100);
      expect((await f.t.get('c', 'yearly', { timestamp: newYear })).get(newYear)).toBe(100);
      expect(
        (await f.t.get('c', 'weekly', { timestamp: newYear })).get(at('2024-12-30T00:00:00Z')),
      ).toBe(111);
    });

    ctx.test('a leap day and the 53rd ISO week', async () => {
      const f = fixture('series');
      const leap = at('2024-02-29T12:00:00Z');
      const week53 = at('2021-01-03T12:00:00Z');
      await f.t.bulkInsert([
        [leap, { s: ['leap'] }],
        [week53, { s: ['w53'] }],
      ]);
      expect(
        (await f.t.get('s', 'daily', { timestamp: leap })).get(at('2024-02-29T00:00:00Z')),
      ).toEqual(['leap']);
      expect(
        (await f.t.get('s', 'weekly', { timestamp: week53 })).get(at('2020-12-28T00:00:00Z')),
      ).toEqual(['w53']);
      expect(await f.t.properties('s')).toEqual({
        daily: { first: at('2021-01-03T00:00:00Z'), last: at('2024-02-29T00:00:00Z') },
        weekly: { first: at('2020-12-28T00:00:00Z'), last: at('2024-02-26T00:00:00Z') },
        monthly: { first: at('2021-01-01T00:00:00Z'), last: at('2024-02-01T00:00:00Z') },
        yearly: { first: at('2021-01-01T00:00:00Z'), last: at('2024-01-01T00:00:00Z') },
      });
    });

    ctx.test('yearly series: one bucket per year, durations of 365 and 366 days', async () => {
      const f = fixture('count');
      const durations: number[] = [];
      const years = await f.t.series('c', 'yearly', {
        start: at('2023-06-01T00:00:00Z'),
        end: at('2024-06-01T00:00:00Z'),
        transform: (_: number, seconds: number) => durations.push(seconds),
      });
      expect([...years.keys()]).toEqual([at('2023-01-01T00:00:00Z'), at('2024-01-01T00:00:00Z')]);
      expect(durations).toEqual([365 * 86_400, 366 * 86_400]);
    });
  });
}
