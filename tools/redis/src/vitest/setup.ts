import type { TestProject } from 'vitest/node';
import { useRealRedis } from '../availability';
import { type RedisCluster, startCluster } from '../cluster';
import { type RedisServer, type ServerAddress, startServer } from '../server';

/** What a global setup hands to the test files (through vitest `provide`/`inject`). */
export interface RedisTargets {
  /** False when `redis-server` is missing (and not required): real-Redis tests skip. */
  readonly available: boolean;
  /** The shared standalone server, when requested and available. */
  readonly standalone: ServerAddress | null;
  /** The masters of the shared 3-master cluster, when requested and available. */
  readonly cluster: readonly ServerAddress[] | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kairosRedis: RedisTargets;
  }
}

/** Options of {@link redisGlobalSetup}. */
export interface RedisGlobalSetupOptions {
  /** Start one standalone server; default true. */
  standalone?: boolean;
  /** Start one 3-master cluster; default true. */
  cluster?: boolean;
}

/**
 * Builds a vitest 4 `globalSetup` function that starts one standalone server and/or one
 * cluster for the whole run, provides their addresses as `kairosRedis`, and stops them by
 * pid in teardown. A partial start is undone before the error propagates, since vitest
 * runs no teardown for a setup that threw.
 *
 * @example
 * ```ts
 * // test/global-setup.ts
 * import { redisGlobalSetup } from '@kairos-tools/redis-server/vitest-setup';
 * export default redisGlobalSetup();
 * ```
 */
export function redisGlobalSetup(
  options: RedisGlobalSetupOptions = {},
): (project: TestProject) => Promise<() => Promise<void>> {
  return async (project) => {
    if (!useRealRedis('real-Redis suites')) {
      project.provide('kairosRedis', { available: false, standalone: null, cluster: null });
      return async () => {};
    }
    let server: RedisServer | undefined;
    let cluster: RedisCluster | undefined;
    const teardown = async () => {
      await Promise.all([server?.stop(), cluster?.stop()]);
    };
    const [started, startedCluster] = await Promise.allSettled([
      options.standalone === false ? undefined : startServer(),
      options.cluster === false ? undefined : startCluster(),
    ]);
    if (started.status === 'fulfilled') server = started.value;
    if (startedCluster.status === 'fulfilled') cluster = startedCluster.value;
    for (const result of [started, startedCluster]) {
      if (result.status === 'rejected') {
        await teardown();
        throw result.reason;
      }
    }
    project.provide('kairosRedis', {
      available: true,
      standalone: server ? { host: server.host, port: server.port } : null,
      cluster: cluster ? cluster.nodes : null,
    });
    return teardown;
  };
}
