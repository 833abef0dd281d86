import {
  asStorageError,
  type Command,
  commandSlot,
  groupBySlot,
  type Reply,
  runGroups,
  StorageError,
  withDeadline,
} from '@kairos/core';
import type { Cluster, Redis } from 'ioredis';
import { runPipeline } from './pipeline';

/**
 * Runs a batch on an ioredis Cluster: one pipeline per master, sent on that master's own
 * connection, all concurrently, replies put back in the batch's order. ioredis itself
 * rejects a pipeline whose keys span nodes, so the split is needed; and a cluster pipeline
 * whose connection closed is sent again by ioredis, which could run a write twice, while a
 * master's connection never resends. A MOVED reply (slots changed hands) fails the call
 * and refreshes the slot map for the next one. When several groups fail, the failure of
 * the group holding the earliest command is reported.
 */
export async function execOnCluster(
  cluster: Cluster,
  commands: readonly Command[],
): Promise<Reply[]> {
  const groups = groupBySlot(commands, (slot) => cluster.slots[slot]?.[0]);
  const masterOf = (masters: Map<string, Redis>, group: readonly number[]) =>
    masters.get(cluster.slots[commandSlot(commands[group[0]!]!)]?.[0] ?? '');
  let masters = mastersOf(cluster);
  if (groups.some((group) => !masterOf(masters, group))) {
    // A master whose connection ended leaves the pool until the slot map is read again.
    await new Promise<void>((resolve) => cluster.refreshSlotsCache(() => resolve()));
    masters = mastersOf(cluster);
  }
  try {
    return await runGroups(commands, groups, (group) => {
      const master = masters.get(cluster.slots[commandSlot(group[0]!)]?.[0] ?? '');
      if (!master) {
        throw new StorageError('no cluster master is known for this key', { command: group[0]! });
      }
      return runPipeline(master, group);
    });
  } catch (error) {
    if (/\bMOVED\b/.test(String((error as Error).cause ?? error))) cluster.refreshSlotsCache();
    throw error;
  }
}

/** The cluster's masters by `host:port`, as its slot map names them. */
function mastersOf(cluster: Cluster): Map<string, Redis> {
  return new Map(
    cluster.nodes('master').map((node) => [`${node.options.host}:${node.options.port}`, node]),
  );
}

/**
 * Waits (within `ms`) until the cluster client knows its nodes: before that,
 * `cluster.nodes('master')` is empty and a scan would silently find nothing.
 */
export async function clusterReady(cluster: Cluster, ms: number): Promise<void> {
  if (cluster.status === 'ready') return;
  if (cluster.status === 'wait') {
    cluster.connect().catch(() => {});
  }
  let cleanup = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    const onEnd = () => reject(new Error('the cluster connection has ended'));
    if (cluster.status === 'end') return onEnd();
    cluster.once('ready', resolve);
    cluster.once('end', onEnd);
    cleanup = () => {
      cluster.off('ready', resolve);
      cluster.off('end', onEnd);
    };
  });
  try {
    await withDeadline(ready, ms, 'cluster readiness');
  } catch (error) {
    throw asStorageError(error, 'cluster connection');
  } finally {
    cleanup();
  }
}
