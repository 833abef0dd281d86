export { type RedisDriverOptions, redisDriver } from './driver';
export { createTimeseries } from './timeseries';
