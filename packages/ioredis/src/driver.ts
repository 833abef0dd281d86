import {
  type Driver,
  type DriverOptions,
  execWithDeadline,
  resolveDriverOptions,
  type SendCommand,
  scanNode,
} from '@kairos/core';
import type { Cluster, Redis } from 'ioredis';
import { clusterReady, execOnCluster } from './cluster';
import { runPipeline } from './pipeline';

/** Options of {@link ioredisDriver}: `timeoutMs` and `scripts` (see `DriverOptions` in @kairos/core). */
export type IoredisDriverOptions = DriverOptions;

/**
 * A Kairos `Driver` on an ioredis `Redis` or `Cluster` client. Each `exec` is one
 * non-transactional pipeline (per node on a cluster): when a command fails, the others
 * have still run, and the call rejects with a `StorageError` naming the failed command.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { Timeseries } from '@kairos/core';
 * const series = new Timeseries(ioredisDriver(new Redis()), { type: 'count', intervals: { minute: { step: 60 } } });
 * ```
 */
export function ioredisDriver(client: Redis | Cluster, options: IoredisDriverOptions = {}): Driver {
  const { timeoutMs: ms, scripts } = resolveDriverOptions(options);
  const driver = isCluster(client) ? clusterDriver(client, ms) : standaloneDriver(client, ms);
  return { ...driver, scripts };
}

function standaloneDriver(client: Redis, ms: number): Driver {
  return {
    cluster: false,
    exec: (commands) => execWithDeadline(commands, ms, () => runPipeline(client, commands)),
    scan: (match) => scanNode(sender(client), match, ms),
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
      for (const master of cluster.nodes('master')) yield* scanNode(sender(master), match, ms);
    },
  };
}

function isCluster(client: Redis | Cluster): client is Cluster {
  // `isCluster` rather than instanceof: the app may hold another copy of ioredis.
  return client.isCluster;
}

/** One raw command on one ioredis connection (a client, or one master of a cluster). */
function sender(node: Redis): SendCommand {
  return ([name, ...args]) => node.call(name!, args);
}
