import { ConfigError, type Driver, execWithDeadline } from '@kairos/core';
import type { Cluster, Redis } from 'ioredis';
import { clusterReady, execOnCluster } from './cluster';
import { runPipeline } from './pipeline';
import { scanNode } from './scan';

/** Options of {@link ioredisDriver}. */
export interface IoredisDriverOptions {
  /**
   * The longest a call may wait for Redis, in milliseconds; then it rejects with a
   * `StorageError`. Default 10 000. ioredis keeps a command queued while Redis is down
   * (with default settings for about 10–70 s), so the driver bounds the wait itself. A
   * command that timed out may still reach Redis later from the client's offline queue.
   */
  timeoutMs?: number;
  /**
   * Let Kairos send coalesced writes as `EVAL` of its write script (fewer, larger commands;
   * on a cluster each EVAL is routed by its first key). Default false for now: a failure
   * inside the script is reported against the EVAL rather than the command that failed.
   * Leave it off where EVAL is not allowed (ACLs, some managed services).
   */
  scripts?: boolean;
}

/**
 * The driver returned by this package: a Kairos `Driver` that also tells Kairos whether
 * it may send `EVAL` commands (`@kairos/core` checks `scripts`).
 */
export interface ScriptingDriver extends Driver {
  /** True when `exec` accepts `['EVAL', script, numkeys, ...keys, ...args]`. */
  readonly scripts: boolean;
}

/**
 * A Kairos `Driver` on an ioredis `Redis` or `Cluster` client. Each `exec` is one
 * non-transactional pipeline (per node on a cluster): when a command fails, the others
 * have still run, and the call rejects with a `StorageError` naming the failed command.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * import { Timeseries } from '@kairos/core';
 * const series = new Timeseries(ioredisDriver(new Redis()), { type: 'count', intervals: { minute: { step: 60 } } });
 * ```
 */
export function ioredisDriver(
  client: Redis | Cluster,
  options: IoredisDriverOptions = {},
): ScriptingDriver {
  const ms = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new ConfigError(`timeoutMs must be a positive number of milliseconds, got ${ms}`);
  }
  const driver = isCluster(client) ? clusterDriver(client, ms) : standaloneDriver(client, ms);
  return { ...driver, scripts: options.scripts ?? false };
}

function standaloneDriver(client: Redis, ms: number): Driver {
  return {
    cluster: false,
    exec: (commands) =>
      execWithDeadline(commands, ms, () => runPipeline(client.pipeline(), commands)),
    scan: (match) => scanNode(client, match, ms),
  };
}

function clusterDriver(cluster: Cluster, ms: number): Driver {
  return {
    cluster: true,
    exec: (commands) =>
      execWithDeadline(commands, ms, async () => {
        // Before the slot map is known every slot would be its own pipeline.
        if (cluster.status !== 'ready') await clusterReady(cluster, ms);
        return execOnCluster(cluster, commands);
      }),
    async *scan(match) {
      await clusterReady(cluster, ms);
      for (const master of cluster.nodes('master')) yield* scanNode(master, match, ms);
    },
  };
}

function isCluster(client: Redis | Cluster): client is Cluster {
  // `isCluster` rather than instanceof: the app may hold another copy of ioredis.
  return client.isCluster;
}
