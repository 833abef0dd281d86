import { describe, expectTypeOf, it } from 'vitest';
import { Timeseries } from '../src/timeseries';
import { recordingDriver } from './recording-driver';

// Checked by `tsc --noEmit` (pnpm lint); the runtime part only proves the calls resolve.
describe('result types follow type, read and options', () => {
  const { driver } = recordingDriver();
  const intervals = { minute: { step: 60 }, hour: { step: '1h', resolution: 60 } };

  it('series of numbers', async () => {
    const t = new Timeseries(driver, { type: 'series', read: Number, intervals });
    expectTypeOf(await t.get('a', 'minute')).toEqualTypeOf<Map<number, number[]>>();
    expectTypeOf(await t.get('a', 'minute', { transform: 'mean' })).toEqualTypeOf<
      Map<number, number | null>
    >();
    expectTypeOf(await t.get('a', 'minute', { transform: ['max', 'count'] })).toEqualTypeOf<
      Map<number, { max: number | null; count: number }>
    >();
    expectTypeOf(await t.series('a', 'minute')).toEqualTypeOf<Map<number, number[]>>();
    expectTypeOf(await t.series('a', 'hour')).toEqualTypeOf<Map<number, Map<number, number[]>>>();
    expectTypeOf(await t.series('a', 'hour', { condense: true })).toEqualTypeOf<
      Map<number, number[]>
    >();
    expectTypeOf(
      await t.series('a', 'hour', { collapse: true, transform: (d) => d.length }),
    ).toEqualTypeOf<Map<number, number>>();
  });

  it('histogram, count, gauge and set', async () => {
    const h = new Timeseries(driver, { type: 'histogram', intervals });
    expectTypeOf(await h.get('a', 'minute')).toEqualTypeOf<Map<number, Map<string, number>>>();
    expectTypeOf(await h.get('a', 'minute', { transform: 'rate' })).toEqualTypeOf<
      Map<number, Map<string, number>>
    >();
    const c = new Timeseries(driver, { type: 'count', intervals });
    expectTypeOf(await c.get('a', 'minute')).toEqualTypeOf<Map<number, number>>();
    const g = new Timeseries(driver, { type: 'gauge', read: (raw) => raw.length > 0, intervals });
    expectTypeOf(await g.get('a', 'minute')).toEqualTypeOf<Map<number, boolean | null>>();
    const s = new Timeseries(driver, { type: 'set', intervals });
    expectTypeOf(
      await s.get('a', 'minute', { transform: { n: 'count', top: 'max' } }),
    ).toEqualTypeOf<Map<number, { n: number; top: string | null }>>();
  });

  it('a Timeseries of known intervals is a Timeseries', () => {
    const t = new Timeseries(driver, { type: 'count', intervals });
    expectTypeOf(t).toExtend<Timeseries<'count'>>();
    // @ts-expect-error: 'day' is not a configured interval
    void t.get('a', 'day').catch(() => undefined);
  });

  it('reads by filter: a Map per name or group; reduce gives numbers', async () => {
    const t = new Timeseries(driver, { type: 'series', read: Number, intervals });
    const selector = { filter: 'service=api' };
    expectTypeOf(await t.get(selector, 'minute')).toEqualTypeOf<
      ReadonlyMap<string, Map<number, number[]>>
    >();
    expectTypeOf(
      await t.get({ filter: 'service=api', groupBy: 'region' }, 'minute', { transform: 'p95' }),
    ).toEqualTypeOf<ReadonlyMap<string, Map<number, number | null>>>();
    expectTypeOf(
      await t.series({ filter: 'service=api', groupBy: 'region', reduce: 'max' }, 'minute', {
        transform: 'count',
      }),
    ).toEqualTypeOf<ReadonlyMap<string, Map<number, number | null>>>();
    expectTypeOf(await t.series(selector, 'hour')).toEqualTypeOf<
      ReadonlyMap<string, Map<number, Map<number, number[]>>>
    >();
    expectTypeOf(await t.series(selector, 'hour', { condense: true, fill: 0 })).toEqualTypeOf<
      ReadonlyMap<string, Map<number, number[]>>
    >();
    expectTypeOf(t.iterate(selector, 'minute', { transform: 'mean' })).toEqualTypeOf<
      AsyncIterable<[time: number, rows: Map<string, number | null>]>
    >();
    expectTypeOf(t.iterate('a', 'minute')).toEqualTypeOf<
      AsyncIterable<[time: number, row: number[]]>
    >();
    expectTypeOf(await t.labels('a')).toEqualTypeOf<Record<string, string>>();
  });
});
