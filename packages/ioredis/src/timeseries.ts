import {
  type IntervalsOptions,
  type SeriesType,
  Timeseries,
  type TimeseriesOptions,
} from '@kairos/core';
import type { Cluster, Redis } from 'ioredis';
import { type IoredisDriverOptions, ioredisDriver } from './driver';

/**
 * A Kairos `Timeseries` on an ioredis `Redis` or `Cluster` client: shorthand for
 * `new Timeseries(ioredisDriver(client, driverOptions), options)`.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * const t = createTimeseries(new Redis(), {
 *   type: 'series',
 *   read: Number,
 *   intervals: { minute: { step: 60, steps: 120 } },
 * });
 * await t.insert('example', 3.14159);
 * ```
 */
export function createTimeseries<
  T extends SeriesType,
  R = string,
  V = string | number,
  I extends IntervalsOptions = IntervalsOptions,
>(
  client: Redis | Cluster,
  options: TimeseriesOptions<T, R, V, I>,
  driverOptions?: IoredisDriverOptions,
): Timeseries<T, R, V, I> {
  return new Timeseries<T, R, V, I>(ioredisDriver(client, driverOptions), options);
}
