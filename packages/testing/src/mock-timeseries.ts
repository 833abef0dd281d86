import {
  type IntervalsOptions,
  type SeriesType,
  Timeseries,
  type TimeseriesOptions,
} from '@kairos/core';
import { type MockDriver, mockDriver } from './mock/driver';

/** A {@link Timeseries} on the mock, with the {@link MockDriver} under it to inspect the store. */
export type MockTimeseries<
  T extends SeriesType,
  R = string,
  V = string | number,
  I extends IntervalsOptions = IntervalsOptions,
> = Timeseries<T, R, V, I> & {
  /** The store under the Timeseries: `keys()`, `ttl(key)`, raw `exec`. */
  readonly driver: MockDriver;
};

/**
 * A {@link Timeseries} on a fresh, isolated in-memory store ({@link mockDriver}), with the
 * same type parameters as `new Timeseries(driver, options)`. Its keys expire by
 * `options.clock` (a `manualClock`), else by the system time; `.driver` shows the store.
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
>(options: TimeseriesOptions<T, R, V, I>): MockTimeseries<T, R, V, I> {
  const driver = options.clock ? mockDriver({ clock: options.clock }) : mockDriver();
  const timeseries = new Timeseries<T, R, V, I>(driver, options);
  return Object.defineProperty(timeseries, 'driver', {
    value: driver,
    enumerable: false,
  }) as MockTimeseries<T, R, V, I>;
}
