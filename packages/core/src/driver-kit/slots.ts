import calculateSlot from 'cluster-key-slot';
import type { Command, Reply } from '../driver';
import { StorageError } from '../errors';
import { asStorageError } from './deadline';

/**
 * The key a command is routed by: its first argument, except for scripts
 * (`EVAL script numkeys key …`, also EVALSHA and FCALL), routed by their first declared key.
 */
export function routingKey(command: Command): string | number | undefined {
  const name = command[0].toUpperCase();
  if (name === 'EVAL' || name === 'EVALSHA' || name === 'FCALL') {
    return Number(command[2]) > 0 ? command[3] : undefined;
  }
  return command[1];
}

/**
 * The cluster slot of a command's {@link routingKey}. Throws a `StorageError` naming the
 * command when it has no key, since a cluster cannot route it.
 */
export function commandSlot(command: Command): number {
  const key = routingKey(command);
  if (key === undefined) {
    throw new StorageError('a cluster driver routes by key, but this command has none', {
      command,
    });
  }
  return calculateSlot(String(key));
}

/**
 * Splits a batch into groups that one cluster node can run as one pipeline, as lists of
 * indexes into `commands` (ascending), routed by {@link routingKey}.
 *
 * `nodeOf(slot)` names the node that serves a slot, or `undefined` when unknown; commands
 * of slots served by the same node share a group (one pipeline per node rather than one per
 * slot, which matters for batches spread over thousands of hash-tagged names). Unknown slots
 * get a group each. Throws before anything is sent when a command has no key.
 *
 * @example
 * ```ts
 * const groups = groupBySlot(commands, (slot) => cluster.slots[slot]?.join(';'));
 * ```
 */
export function groupBySlot(
  commands: readonly Command[],
  nodeOf: (slot: number) => string | undefined,
): number[][] {
  const groups = new Map<string, number[]>();
  for (const [i, command] of commands.entries()) {
    const slot = commandSlot(command);
    const group = nodeOf(slot) ?? `slot ${slot}`;
    const indexes = groups.get(group);
    if (indexes) indexes.push(i);
    else groups.set(group, [i]);
  }
  return [...groups.values()];
}

/**
 * Runs every group of a batch (as made by {@link groupBySlot}) concurrently with `run`, and
 * puts the replies back in the batch's order. When several groups fail, the failure of the
 * group holding the earliest command is reported, as a `StorageError`.
 */
export async function runGroups(
  commands: readonly Command[],
  groups: readonly (readonly number[])[],
  run: (group: Command[]) => Promise<Reply[]>,
): Promise<Reply[]> {
  const settled = await Promise.allSettled(
    // async: a runner that throws at once fails its group like one that rejects.
    groups.map(async (indexes) => run(indexes.map((i) => commands[i]!))),
  );
  const replies = new Array<Reply>(commands.length);
  for (const [g, result] of settled.entries()) {
    if (result.status === 'rejected') throw asStorageError(result.reason, 'pipeline');
    for (const [position, i] of groups[g]!.entries()) replies[i] = result.value[position]!;
  }
  return replies;
}
