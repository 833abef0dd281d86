import {
  type Driver,
  type DriverOptions,
  execWithDeadline,
  resolveDriverOptions,
  scanNode,
} from '@kairos/core';
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

/** Options of {@link redisDriver}: `timeoutMs` and `scripts` (see `DriverOptions` in @kairos/core). */
export type RedisDriverOptions = DriverOptions;

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
): Driver {
  const { timeoutMs: ms, scripts } = resolveDriverOptions(options);
  // A cluster has `masters`; a standalone client does not.
  const driver =
    'masters' in client
      ? clusterDriver(client as unknown as ClusterLike, ms)
      : standaloneDriver((client as unknown as ClientLike).withTypeMapping(RAW_SHAPES), ms);
  return { ...driver, scripts };
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
