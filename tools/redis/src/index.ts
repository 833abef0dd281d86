export { redisRequired, redisServerAvailable, useRealRedis } from './availability';
export { type RedisCluster, type StartClusterOptions, startCluster } from './cluster';
export { freePort } from './ports';
export { command, type RespValue } from './resp';
export {
  type RedisServer,
  type ServerAddress,
  type StartServerOptions,
  startServer,
} from './server';
