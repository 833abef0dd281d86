import {
  type IntervalsOptions,
  type SeriesType,
  Timeseries,
  type TimeseriesOptions,
} from '@kairos/core';
import type {
  RedisClientType,
  RedisClusterType,
  RedisFunctions,
  RedisModules,
  RedisScripts,
  RespVersions,
  TypeMapping,
} from 'redis';
import { type RedisDriverOptions, redisDriver } from './driver';

/**
 * A Kairos `Timeseries` on a connected node-redis client or cluster: shorthand for
 * `new Timeseries(redisDriver(client, driverOptions), options)`.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const client = await createClient().connect();
 * const t = createTimeseries(client, { type: 'count', intervals: { hour: { step: '1h' } } });
 * await t.insert('hits');
 * ```
 */
export function createTimeseries<
  T extends SeriesType,
  R = string,
  V = string | number,
  I extends IntervalsOptions = IntervalsOptions,
  M extends RedisModules = RedisModules,
  F extends RedisFunctions = RedisFunctions,
  S extends RedisScripts = RedisScripts,
  RESP extends RespVersions = RespVersions,
  TM extends TypeMapping = TypeMapping,
>(
  client: RedisClientType<M, F, S, RESP, TM> | RedisClusterType<M, F, S, RESP, TM>,
  options: TimeseriesOptions<T, R, V, I>,
  driverOptions?: RedisDriverOptions,
): Timeseries<T, R, V, I> {
  return new Timeseries<T, R, V, I>(redisDriver(client, driverOptions), options);
}
