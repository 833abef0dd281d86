import { ConfigError, type Driver, execWithDeadline } from '@kairos/core';
import {
  RESP_TYPES,
  type RedisClientType,
  type RedisClusterType,
  type RedisFunctions,
  type RedisModules,
  type RedisScripts,
  type RespVersions,
  type TypeMapping,
} from 'redis';
import type { ClientLike, ClusterLike } from './clients';
import { execOnCluster, scanCluster } from './cluster';
import { runPipeline } from './pipeline';
import { scanNode } from './scan';

/** Options of {@link redisDriver}. */
export interface RedisDriverOptions {
  /**
   * The longest a call may wait for Redis, in milliseconds; then it rejects with a
   * `StorageError`. Default 10 000. node-redis queues commands while it reconnects, so the
   * driver bounds the wait itself. A command that timed out may still reach Redis later.
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
 * RESP3 (node-redis' default) maps become JS `Map`s in order, then flat arrays in
 * `toReply`; doubles stay strings as in RESP2, so both drivers give the same replies.
 */
const RAW_SHAPES = { [RESP_TYPES.MAP]: Map, [RESP_TYPES.DOUBLE]: String };

/**
 * A Kairos `Driver` on a connected node-redis client or cluster (`createClient` /
 * `createCluster`, after `connect()`). Each `exec` is one non-transactional pipeline
 * (`execAsPipeline`, per master on a cluster): when a command fails, the others have still
 * run, and the call rejects with a `StorageError` naming the failed command when it can be
 * told (always for a batch of one, and for WRONGTYPE).
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const client = await createClient({ url: 'redis://127.0.0.1:6379' }).connect();
 * const driver = redisDriver(client);
 * ```
 */
export function redisDriver<
  M extends RedisModules,
  F extends RedisFunctions,
  S extends RedisScripts,
  RESP extends RespVersions,
  TM extends TypeMapping,
>(
  client: RedisClientType<M, F, S, RESP, TM> | RedisClusterType<M, F, S, RESP, TM>,
  options: RedisDriverOptions = {},
): ScriptingDriver {
  const ms = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new ConfigError(`timeoutMs must be a positive number of milliseconds, got ${ms}`);
  }
  // A cluster has `masters`; a standalone client does not.
  const driver =
    'masters' in client
      ? clusterDriver(client as unknown as ClusterLike, ms)
      : standaloneDriver((client as unknown as ClientLike).withTypeMapping(RAW_SHAPES), ms);
  return { ...driver, scripts: options.scripts ?? false };
}

function standaloneDriver(client: ClientLike, ms: number): Driver {
  const run = async (argLists: string[][]) => {
    const multi = client.multi();
    for (const args of argLists) multi.addCommand(args);
    return multi.execAsPipeline();
  };
  return {
    cluster: false,
    exec: (commands) => execWithDeadline(commands, ms, () => runPipeline(run, commands)),
    scan: (match) => scanNode((args) => client.sendCommand(args), match, ms),
  };
}

function clusterDriver(cluster: ClusterLike, ms: number): Driver {
  return {
    cluster: true,
    exec: (commands) =>
      execWithDeadline(commands, ms, () => execOnCluster(cluster, commands, RAW_SHAPES)),
    scan: (match) => scanCluster(cluster, match, ms),
  };
}
