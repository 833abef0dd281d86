import { redisTargets } from '@kairos-tools/redis-server/vitest';
import { Cluster, Redis } from 'ioredis';

/** The run's shared servers (see global-setup.ts); `available` is false when skipped. */
export const targets = redisTargets();

/** A client of the shared standalone server, with default settings. */
export function standaloneClient(): Redis {
  const { host, port } = targets.standalone!;
  return new Redis({ host, port });
}

/** A client of the shared cluster, with default settings. */
export function clusterClient(): Cluster {
  return new Cluster(targets.cluster!.map(({ host, port }) => ({ host, port })));
}

/** A key prefix of its own for each test, since test files share the servers. */
export function uniquePrefix(): string {
  return `t${Math.random().toString(36).slice(2, 10)}:`;
}
