import {
  asStorageError,
  type Command,
  commandSlot,
  groupBySlot,
  type Reply,
  runGroups,
  StorageError,
  scanNode,
  withDeadline,
} from '@kairos/core';
import type { ClusterLike } from './clients';
import { runPipeline } from './pipeline';

/**
 * Runs a batch on a node-redis cluster: one `execAsPipeline` per master, sent on that
 * master's own client, all concurrently, replies put back in the batch's order. A single
 * cluster pipeline spanning slots would go to one node, write partially, then fail with
 * MOVED; and a node client (unlike the cluster's `multi`) applies the type mapping to
 * pipeline replies. When several groups fail, the group holding the earliest command wins.
 */
export async function execOnCluster(
  cluster: ClusterLike,
  commands: readonly Command[],
  mapping: object,
): Promise<Reply[]> {
  assertOpen(cluster);
  const addressOf = (slot: number) => {
    const master = cluster.slots[slot]?.master;
    return master && `${master.host}:${master.port}`;
  };
  const groups = groupBySlot(commands, addressOf);
  return runGroups(commands, groups, async (group) => {
    // Every command of a group is served by the master of its first one.
    const master = cluster.slots[commandSlot(group[0]!)]?.master;
    if (!master) {
      throw new StorageError('no cluster master is known for this key', { command: group[0]! });
    }
    const node = (await cluster.nodeClient(master)).withTypeMapping(mapping);
    return runPipeline(async (argLists) => {
      const multi = node.multi();
      for (const args of argLists) multi.addCommand(args);
      return multi.execAsPipeline();
    }, group);
  });
}

/** Yields the matching keys of every master. */
export async function* scanCluster(
  cluster: ClusterLike,
  match: string,
  ms: number,
): AsyncGenerator<string> {
  assertOpen(cluster);
  for (const master of cluster.masters) {
    let node: Awaited<ReturnType<ClusterLike['nodeClient']>>;
    try {
      // A node still connecting would otherwise keep the scan waiting for its reconnects.
      node = await withDeadline(
        cluster.nodeClient(master),
        ms,
        `a connection to ${master.host}:${master.port}`,
      );
    } catch (error) {
      throw asStorageError(error, `connection to ${master.host}:${master.port}`);
    }
    yield* scanNode((args) => node.sendCommand(args), match, ms);
  }
}

function assertOpen(cluster: ClusterLike): void {
  // Before connect() the slot map is empty: a scan would silently find nothing.
  if (!cluster.isOpen) {
    throw new StorageError('the node-redis cluster client is not connected (call connect())', {});
  }
}
