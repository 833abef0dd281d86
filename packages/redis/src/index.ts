export { type RedisDriverOptions, redisDriver } from './driver';
