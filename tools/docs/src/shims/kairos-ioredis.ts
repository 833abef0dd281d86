/** Stands in for `@kairos/ioredis` when the README blocks run: the same calls, on the mock. */
import {
  type Driver,
  type IntervalsOptions,
  type SeriesType,
  Timeseries,
  type TimeseriesOptions,
} from '@kairos/core';
import { driverFor } from './store';

interface Client {
  readonly isCluster: boolean;
}

export function ioredisDriver(client: Client, _options?: unknown): Driver {
  return driverFor(client, client.isCluster);
}

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
  return new Timeseries(ioredisDriver(client), options);
}
