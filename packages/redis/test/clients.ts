import type { Driver, DriverOptions } from '@kairos/core';
import { redisTargets } from '@kairos-tools/redis-server/vitest';
import { createClient, createCluster, type RedisClientType, type RedisClusterType } from 'redis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redisDriver } from '../src/index';

/** The run's shared servers (see global-setup.ts); `available` is false when skipped. */
export const targets = redisTargets();

/** vitest's functions, as the suites of @kairos/test-suite take them. */
export const api = { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach };

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

/** The shared targets a suite runs on. */
export const KINDS = ['standalone', 'cluster'] as const;

/** Where the shared suites run: each kind of server, by the plain and the scripted write path. */
export const SETUPS = KINDS.flatMap((kind) =>
  [false, true].map((scripts) => ({
    kind,
    scripts,
    label: `node-redis ${kind}${scripts ? ', scripted writes' : ''}`,
  })),
);

/** `createDriver`/`closeDriver` for a suite: a driver on a client of its own of `kind`. */
export function driverOn(kind: (typeof KINDS)[number], options: DriverOptions = {}) {
  let client: { destroy(): unknown } | undefined;
  return {
    createDriver: async (): Promise<Driver> => {
      const connected = kind === 'cluster' ? await clusterClient() : await standaloneClient();
      client = connected;
      return redisDriver(connected, options);
    },
    closeDriver: () => {
      client?.destroy();
    },
  };
}

/** A key prefix of its own for each test, since test files share the servers. */
export function uniquePrefix(): string {
  return `t${Math.random().toString(36).slice(2, 10)}:`;
}
