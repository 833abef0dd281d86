export { type RedisDriverOptions, redisDriver, type ScriptingDriver } from './driver';
export { createTimeseries } from './timeseries';
