import { migrate, type SeriesType, Timeseries } from '@kairos/core';
import { collect } from '../support/failure';
import type { SuiteContext } from './context';
import { ALL_TYPES, dumped, fillSource } from './dump';
import { NOW } from './model';

const MINUTES = { minute: { step: 60, steps: 90 } } as const;
const KEPT_MINUTES = { minute: { step: 60 } } as const;
const WITH_HOURS = {
  minute: { step: 60 },
  hour: { step: '1h', steps: 48 },
  quarter: { step: 900, resolution: 300 },
  day: { step: 'daily', resolution: '1h' },
} as const;

/**
 * `migrate`: target buckets rebuilt from the source equal the same inserts written straight
 * into the target schema; what cannot be derived is reported and not written; a dry run
 * writes nothing; the source never changes.
 */
export function migrateTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;

  ctx.api.describe('migrate', () => {
    ctx.test('hourly, quarter-hour and daily from minute data equal direct writes', async () => {
      for (const type of ALL_TYPES) {
        const source = ctx.fresh({ type, intervals: KEPT_MINUTES });
        await fillSource(source.t, type, false);
        const before = await ctx.snapshot(source.prefix);
        const target = ctx.fresh({ type, intervals: WITH_HOURS });
        const report = await migrate(source.t, target.t);
        const direct = ctx.fresh({ type, intervals: WITH_HOURS });
        await fillSource(direct.t, type, false);
        expect(await dumped(target.t)).toEqual(await dumped(direct.t));
        expect(await ctx.snapshot(source.prefix)).toEqual(before);
        const hour = report.intervals.find((i) => i.interval === 'hour');
        expect(hour?.sources).toEqual({ minute: hour?.buckets });
        expect(hour?.underivable).toBe(0);
      }
    });

    ctx.test('a dry run reports the plan and writes nothing', async () => {
      const source = ctx.fresh({ type: 'series', intervals: MINUTES });
      await fillSource(source.t, 'series');
      const target = ctx.fresh({ type: 'series', intervals: WITH_HOURS });
      const plan = await migrate(source.t, target.t, { dryRun: true });
      expect(await target.keys()).toEqual([]);
      const done = await migrate(source.t, target.t);
      expect(plan.dryRun).toBe(true);
      expect(plan.intervals).toEqual(done.intervals);
      expect(done.dryRun).toBe(false);
      expect(plan.intervals[0]?.values).toBeGreaterThanOrEqual(1);
    });

    ctx.test('finer buckets and cut buckets are reported, never guessed', async () => {
      const source = ctx.fresh({ type: 'count', intervals: { hour: { step: '1h' } } });
      await source.t.insert('c', 5, { timestamp: NOW - 1800 });
      const target = ctx.fresh({
        type: 'count',
        intervals: {
          minute: { step: 60 },
          shifted: { step: '1h', timezone: 'Asia/Kolkata', align: 'local' },
          twoHours: { step: '2h' },
        },
      });
      const report = await migrate(source.t, target.t);
      const by = Object.fromEntries(report.intervals.map((i) => [i.interval, i]));
      expect(by.minute?.underivable).toBe(60);
      expect(by.minute?.reasons).toEqual(['its buckets are finer than any source bucket']);
      expect(by.shifted?.underivable).toBe(2);
      expect(by.shifted?.reasons[0]).toMatch(/cut source buckets/);
      expect(by.twoHours?.buckets).toBe(1);
      expect(await target.keys()).toEqual([
        `${target.name('c')}:twoHours:${Math.floor((NOW - 1800) / 7200)}`,
      ]);
    });

    ctx.test('in place: an interval defined alike is left, a new one derived', async () => {
      const source = ctx.fresh({ type: 'histogram', intervals: MINUTES });
      await fillSource(source.t, 'histogram');
      const before = await ctx.snapshot(source.prefix);
      const widened = new Timeseries(ctx.driver(), {
        type: 'histogram',
        intervals: { ...MINUTES, hour: { step: '1h' } },
        prefix: source.prefix,
        clock: () => NOW,
      });
      const report = await migrate(source.t, widened);
      expect(report.intervals[0]).toEqual({
        interval: 'minute',
        sources: {},
        buckets: 0,
        values: 0,
        expired: 0,
        underivable: 0,
        reasons: [],
        unchanged: true,
      });
      const after = await ctx.snapshot(source.prefix);
      for (const [key, value] of Object.entries(before)) expect(after[key]).toEqual(value);
      // Data runs from 22:40 to 23:58; minutes are kept 90 minutes, so from 22:30 only:
      // the 22:00 hour cannot be rebuilt whole and is reported, the 23:00 one is written.
      const hours = await collect(widened.dump(undefined, { intervals: ['hour'] }));
      expect(hours.map((r) => [r.name, r.start]).sort()).toEqual([
        ['a', NOW - 3600],
        ['b', NOW - 3600],
      ]);
      expect(report.intervals[1]?.underivable).toBe(2);
      expect(report.intervals[1]?.reasons).toEqual([
        'the source intervals that align with it no longer keep that time',
      ]);
      const redefined = new Timeseries(ctx.driver(), {
        type: 'histogram',
        intervals: { minute: { step: 60, steps: 5 } },
        prefix: source.prefix,
      });
      const refused = await migrate(source.t, redefined).catch((e: unknown) => e);
      expect((refused as Error).message).toMatch(/defined otherwise/);
      expect(await ctx.snapshot(source.prefix)).toEqual(after);
    });

    ctx.test('another type is refused', async () => {
      const a = ctx.fresh({ type: 'set' as SeriesType, intervals: MINUTES });
      const b = ctx.fresh({ type: 'series' as SeriesType, intervals: MINUTES });
      const error = await migrate(a.t, b.t).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/one type/);
    });
  });
}
