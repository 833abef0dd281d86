import {
  ConfigError,
  InvalidNameError,
  InvalidValueError,
  KairosError,
  Timeseries,
  type TimeseriesOptions,
  UnknownIntervalError,
} from '@kairos/core';
import { failureOf } from '../support/failure';
import type { SuiteContext } from './context';
import { NOW } from './model';

/** The error classes of docs/ARCHITECTURE.md "Errors", each thrown before anything is sent. */
export function errorTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const intervals = { minute: { step: 60 }, hour: { step: 3600, resolution: 60 } };

  /** Seeds data, runs `action`, and checks the error, that nothing was sent and nothing changed. */
  const rejectsCleanly = async (
    f: ReturnType<typeof seeded> extends Promise<infer X> ? X : never,
    action: () => unknown,
    errorClass: abstract new (...args: never[]) => Error,
  ) => {
    const before = await ctx.snapshot(f.prefix);
    const sent = f.sent.length;
    const error = await failureOf(action);
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(KairosError);
    expect(f.sent.length).toBe(sent);
    expect(await ctx.snapshot(f.prefix)).toEqual(before);
  };
  const seeded = async (type: 'count' | 'series' = 'count') => {
    const f = ctx.fresh({ type, intervals });
    await f.t.insert('seed', type === 'count' ? 2 : 'v', { timestamp: NOW });
    return f;
  };

  ctx.api.describe('errors', () => {
    ctx.test('ConfigError at construction for bad options', () => {
      const bad: unknown[] = [
        { type: 'nope', intervals },
        { intervals },
        { type: 'count' },
        { type: 'count', intervals: {} },
        { type: 'count', intervals: { m: { step: '5x' } } },
        { type: 'count', intervals: { m: { step: 'fortnightly' } } },
        { type: 'count', intervals: { m: {} } },
        { type: 'count', intervals: { m: { step: 60, resolution: '1q' } } },
      ];
      for (const options of bad) {
        let error: unknown;
        try {
          new Timeseries(ctx.driver(), options as TimeseriesOptions<'count'>);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ConfigError);
      }
    });

    ctx.test('UnknownIntervalError from get, series and iterate', async () => {
      const f = await seeded();
      await rejectsCleanly(f, () => f.t.get('seed', 'week' as 'minute'), UnknownIntervalError);
      await rejectsCleanly(f, () => f.t.series('seed', 'week' as 'minute'), UnknownIntervalError);
      await rejectsCleanly(f, () => f.t.iterate('seed', 'week' as 'minute'), UnknownIntervalError);
    });

    ctx.test(
      'InvalidNameError: empty, ":", "{", "}", control characters — for every call',
      async () => {
        const f = await seeded();
        for (const name of ['', 'a:b', 'a{b', 'a}b', 'a\nb', 'a\u0000b', '\u007f']) {
          await rejectsCleanly(f, () => f.t.insert(name, 1, { timestamp: NOW }), InvalidNameError);
          await rejectsCleanly(
            f,
            () => f.t.bulkInsert([[NOW, { ok: [1], [name]: [1] }]]),
            InvalidNameError,
          );
          await rejectsCleanly(f, () => f.t.get(name, 'minute'), InvalidNameError);
          await rejectsCleanly(f, () => f.t.get(['seed', name], 'minute'), InvalidNameError);
          await rejectsCleanly(f, () => f.t.series(name, 'minute'), InvalidNameError);
          await rejectsCleanly(f, () => f.t.iterate(name, 'minute'), InvalidNameError);
          await rejectsCleanly(f, () => f.t.properties(name), InvalidNameError);
          await rejectsCleanly(f, () => f.t.delete(name), InvalidNameError);
        }
      },
    );

    ctx.test('InvalidValueError: counts that are not finite numbers', async () => {
      const f = await seeded();
      for (const value of [
        'abc',
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        '1e999',
      ]) {
        await rejectsCleanly(
          f,
          () => f.t.insert('seed', value, { timestamp: NOW }),
          InvalidValueError,
        );
      }
    });

    ctx.test('InvalidValueError: one bad value in a batch writes nothing', async () => {
      const f = await seeded();
      const batch: [number, Record<string, (number | string)[]>][] = [
        [NOW, { seed: [1], other: [2] }],
        [NOW + 60, { seed: ['x'] }],
      ];
      await rejectsCleanly(f, () => f.t.bulkInsert(batch), InvalidValueError);
      await rejectsCleanly(f, () => f.t.bulkInsert(new Map(batch)), InvalidValueError);
      await rejectsCleanly(
        f,
        () => f.t.insert('seed', [1, 2, 'x'], { timestamp: NOW }),
        InvalidValueError,
      );
    });

    ctx.test(
      'InvalidValueError: timestamps that are not finite numbers or valid Dates',
      async () => {
        const f = await seeded();
        for (const timestamp of [
          Number.NaN,
          Number.POSITIVE_INFINITY,
          new Date('invalid'),
          '12' as unknown as number,
        ]) {
          await rejectsCleanly(f, () => f.t.insert('seed', 1, { timestamp }), InvalidValueError);
          await rejectsCleanly(
            f,
            () => f.t.bulkInsert([[timestamp, { seed: [1] }]]),
            InvalidValueError,
          );
          await rejectsCleanly(
            f,
            () => f.t.get('seed', 'minute', { timestamp }),
            InvalidValueError,
          );
          await rejectsCleanly(
            f,
            () => f.t.series('seed', 'minute', { start: timestamp }),
            InvalidValueError,
          );
          await rejectsCleanly(
            f,
            () => f.t.series('seed', 'minute', { end: timestamp }),
            InvalidValueError,
          );
        }
      },
    );

    ctx.test('InvalidValueError: an unknown transform name', async () => {
      const f = await seeded('series');
      for (const transform of ['average', 'p', 'p101', ['count', 'nope'], { label: 'nope' }]) {
        await rejectsCleanly(
          f,
          () => f.t.get('seed', 'minute', { transform: transform as 'count' }),
          InvalidValueError,
        );
        await rejectsCleanly(
          f,
          () => f.t.series('seed', 'minute', { transform: transform as 'count' }),
          InvalidValueError,
        );
      }
    });

    ctx.test('InvalidValueError: bad option values (intervals, steps)', async () => {
      const f = await seeded();
      for (const intervals of [1.5, Number.NaN, '1' as unknown as number]) {
        await rejectsCleanly(
          f,
          () => f.t.insert('seed', 1, { timestamp: NOW, intervals }),
          InvalidValueError,
        );
        await rejectsCleanly(
          f,
          () => f.t.bulkInsert([[NOW, { seed: [1] }]], { intervals }),
          InvalidValueError,
        );
      }
      for (const steps of [0, -1, 1.5, Number.NaN]) {
        await rejectsCleanly(f, () => f.t.series('seed', 'minute', { steps }), InvalidValueError);
      }
    });

    ctx.test(
      'sum, mean, stddev and quantiles of non-numeric values throw InvalidValueError',
      async () => {
        const f = ctx.fresh({ type: 'series', intervals });
        await f.t.insert('w', ['a', 'b'], { timestamp: NOW });
        for (const transform of ['sum', 'mean', 'stddev', 'p50'] as const) {
          const error = await failureOf(() =>
            f.t.get('w', 'minute', { timestamp: NOW, transform }),
          );
          expect(error).toBeInstanceOf(InvalidValueError);
        }
      },
    );
  });
}
