import type { Driver, DriverOptions } from '@kairos/core';
import { redisTargets } from '@kairos-tools/redis-server/vitest';
import { Cluster, Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ioredisDriver } from '../src/index';

/** The run's shared servers (see global-setup.ts); `available` is false when skipped. */
export const targets = redisTargets();

/** vitest's functions, as the suites of @kairos/test-suite take them. */
export const api = { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach };

/** A client of the shared standalone server, with default settings. */
export function standaloneClient(): Redis {
  const { host, port } = targets.standalone!;
  return new Redis({ host, port });
}

/** A client of the shared cluster, with default settings. */
export function clusterClient(): Cluster {
  return new Cluster(targets.cluster!.map(({ host, port }) => ({ host, port })));
}

/** The shared targets a suite runs on. */
export const KINDS = ['standalone', 'cluster'] as const;

/** Where the shared suites run: each kind of server, by the plain and the scripted write path. */
export const SETUPS = KINDS.flatMap((kind) =>
  [false, true].map((scripts) => ({
    kind,
    scripts,
    label: `ioredis ${kind}${scripts ? ', scripted writes' : ''}`,
  })),
);

/** `createDriver`/`closeDriver` for a suite: a driver on a client of its own of `kind`. */
export function driverOn(kind: (typeof KINDS)[number], options: DriverOptions = {}) {
  let client: Redis | Cluster | undefined;
  return {
    createDriver: (): Driver => {
      client = kind === 'cluster' ? clusterClient() : standaloneClient();
      return ioredisDriver(client, options);
    },
    closeDriver: () => client?.disconnect(),
  };
}

/** A key prefix of its own for each test, since test files share the servers. */
export function uniquePrefix(): string {
  return `t${Math.random().toString(36).slice(2, 10)}:`;
}
