import { redisTargets } from '@kairos-tools/redis-server/vitest';
import { createClient, createCluster, type RedisClientType, type RedisClusterType } from 'redis';

/** The run's shared servers (see global-setup.ts); `available` is false when skipped. */
export const targets = redisTargets();

/** A connected client of the shared standalone server, with default settings. */
export async function standaloneClient(): Promise<RedisClientType> {
  const { host, port } = targets.standalone!;
  const client = createClient({ url: `redis://${host}:${port}` });
  client.on('error', () => {}); // node-redis requires a listener; failures reach the calls
  return client.connect();
}

/** A connected client of the shared cluster, with default settings. */
export async function clusterClient(): Promise<RedisClusterType> {
  const cluster = createCluster({
    rootNodes: targets.cluster!.map(({ host, port }) => ({ url: `redis://${host}:${port}` })),
  });
  cluster.on('error', () => {});
  return cluster.connect();
}

/** A key prefix of its own for each test, since test files share the servers. */
export function uniquePrefix(): string {
  return `t${Math.random().toString(36).slice(2, 10)}:`;
}
