/** What the `@kairos/ioredis` and `@kairos/redis` stand-ins share: the same calls, on the mock. */
import {
  type Driver,
  type IntervalsOptions,
  type SeriesType,
  Timeseries,
  type TimeseriesOptions,
} from '@kairos/core';
import { driverFor } from './store';

/** A stand-in client: a cluster one gets a cluster driver, so the hash-tag layout runs. */
export interface Client {
  readonly isCluster: boolean;
}

/** Stands in for `ioredisDriver` / `redisDriver`. */
export function adapterDriver(client: Client, _options?: unknown): Driver {
  return driverFor(client, client.isCluster);
}

/** Stands in for either adapter's `createTimeseries`. */
export function createTimeseries<
  T extends SeriesType,
  R = string,
  V = string | number,
  I extends IntervalsOptions = IntervalsOptions,
>(
  client: Client,
  options: TimeseriesOptions<T, R, V, I>,
  _driverOptions?: unknown,
): Timeseries<T, R, V, I> {
  return new Timeseries(adapterDriver(client), options);
}
