import {
  asStorageError,
  type Command,
  groupBySlot,
  type Reply,
  runGroups,
  withDeadline,
} from '@kairos/core';
import type { Cluster } from 'ioredis';
import { runPipeline } from './pipeline';

/**
 * Runs a batch on an ioredis Cluster: one pipeline per group of slots served by the same
 * node, all concurrently, replies put back in the batch's order. ioredis itself rejects a
 * pipeline whose keys span nodes, so the split is needed. When several groups fail, the
 * failure of the group holding the earliest command is reported.
 */
export async function execOnCluster(
  cluster: Cluster,
  commands: readonly Command[],
): Promise<Reply[]> {
  // The same key ioredis checks ("slots allocation group"): the node list serving the slot.
  const groups = groupBySlot(commands, (slot) => cluster.slots[slot]?.join(';'));
  return runGroups(commands, groups, (group) => runPipeline(cluster.pipeline(), group));
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
