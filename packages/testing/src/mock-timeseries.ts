import {
  type IntervalsOptions,
  type SeriesType,
  Timeseries,
  type TimeseriesOptions,
} from '@kairos/core';
import { mockDriver } from './mock/driver';

/**
 * A {@link Timeseries} on a fresh, isolated in-memory store ({@link mockDriver}), with the
 * same type parameters as `new Timeseries(driver, options)`.
 *
 * @example
 * ```ts
 * const t = createMockTimeseries({ type: 'series', read: Number, intervals: { minute: { step: 60 } } });
 * await t.insert('latency', 12, { timestamp: 120 });
 * await t.get('latency', 'minute', { timestamp: 120 }); // Map { 120 => [12] }
 * ```
 */
export function createMockTimeseries<
  T extends SeriesType,
  R = string,
  V = string | number,
  I extends IntervalsOptions = IntervalsOptions,
>(options: TimeseriesOptions<T, R, V, I>): Timeseries<T, R, V, I> {
  return new Timeseries<T, R, V, I>(mockDriver(), options);
}
