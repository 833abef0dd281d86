import { type Command, type Reply, StorageError } from '@kairos/core';
import calculateSlot from 'cluster-key-slot';
import type { ClusterLike, MasterLike } from './clients';
import { asStorageError } from './deadline';
import { runPipeline } from './pipeline';
import { scanNode } from './scan';
import { groupBySlot, routingKey } from './slots';

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
  const masters = new Map<string, MasterLike>();
  const groups = groupBySlot(commands, (slot) => {
    const master = cluster.slots[slot]?.master;
    if (!master) return undefined;
    const address = `${master.host}:${master.port}`;
    masters.set(address, master);
    return address;
  });
  const settled = await Promise.allSettled(
    groups.map(async (indexes) => {
      const group = indexes.map((i) => commands[i]!);
      const master = masters.get(String(groupOwner(cluster, group[0]!)));
      if (!master) {
        throw new StorageError('no cluster master is known for this key', { command: group[0]! });
      }
      const node = (await cluster.nodeClient(master)).withTypeMapping(mapping);
      return runPipeline(async (argLists) => {
        const multi = node.multi();
        for (const args of argLists) multi.addCommand(args);
        return multi.execAsPipeline();
      }, group);
    }),
  );
  const replies = new Array<Reply>(commands.length);
  for (const [g, result] of settled.entries()) {
    if (result.status === 'rejected') throw asStorageError(result.reason, 'pipeline');
    for (const [position, i] of groups[g]!.entries()) replies[i] = result.value[position]!;
  }
  return replies;
}

function groupOwner(cluster: ClusterLike, command: Command): string | undefined {
  const master = cluster.slots[calculateSlot(String(routingKey(command)))]?.master;
  return master && `${master.host}:${master.port}`;
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
      node = await cluster.nodeClient(master);
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
