import { describe, expect, expectTypeOf, it } from 'vitest';
import { Timeseries } from '../../src';
import { isTransformName, type QuantileName, type TransformName } from '../../src/transforms';
import { recordingDriver } from '../recording-driver';

// `tsc --noEmit` (pnpm lint) checks the @ts-expect-error lines: a transform name the type
// wrongly accepted would make the directive unused, which fails the type check.
describe('transform names at compile time', () => {
  const { driver, commands } = recordingDriver();
  const t = new Timeseries(driver, {
    type: 'series',
    read: Number,
    intervals: { m: { step: 60 } },
  });

  it('accepts every built-in name and quantiles from p0 to p100', () => {
    expectTypeOf<'mean'>().toExtend<TransformName>();
    expectTypeOf<'p0'>().toExtend<QuantileName>();
    expectTypeOf<'p9'>().toExtend<QuantileName>();
    expectTypeOf<'p50'>().toExtend<QuantileName>();
    expectTypeOf<'p99.9'>().toExtend<QuantileName>();
    expectTypeOf<'p99.999'>().toExtend<QuantileName>();
    expectTypeOf<'p100'>().toExtend<QuantileName>();
    for (const name of ['mean', 'p0', 'p9', 'p50', 'p99.9', 'p99.999', 'p100'])
      expect(isTransformName(name)).toBe(true);
  });

  it('rejects typos and out-of-range quantiles, as the run-time check does', async () => {
    const rejected: string[] = [];
    const read = (promise: Promise<unknown>) =>
      promise.catch((error: Error) => rejected.push(error.constructor.name));
    // @ts-expect-error: not a transform
    await read(t.get('a', 'm', { transform: 'bogus' }));
    // @ts-expect-error: 999 is not a percentage
    await read(t.get('a', 'm', { transform: 'p999' }));
    // @ts-expect-error: above 100
    await read(t.get('a', 'm', { transform: 'p101' }));
    // @ts-expect-error: names are case-sensitive
    await read(t.get('a', 'm', { transform: 'P50' }));
    // @ts-expect-error: negative
    await read(t.series('a', 'm', { transform: ['mean', 'p-5'] }));
    // @ts-expect-error: a typo inside labelled transforms
    await read(t.series('a', 'm', { transform: { avg: 'maen' } }));
    expect(rejected).toEqual(Array(6).fill('InvalidValueError'));
    expect(commands()).toEqual([]);
  });
});
