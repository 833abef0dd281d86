import { type Command, StorageError } from '@kairos/core';
import calculateSlot from 'cluster-key-slot';

/**
 * Splits a batch into groups that one cluster node can run as one pipeline, as lists of
 * indexes into `commands` (ascending), routed by {@link routingKey}.
 *
 * `nodeOf(slot)` names the node that serves a slot, or `undefined` when unknown; commands
 * of slots served by the same node share a group (one pipeline per node rather than one per
 * slot, which matters for batches spread over thousands of hash-tagged names). Unknown slots
 * get a group each. Throws before anything is sent when a command has no key.
 */
export function groupBySlot(
  commands: readonly Command[],
  nodeOf: (slot: number) => string | undefined,
): number[][] {
  const groups = new Map<string, number[]>();
  for (const [i, command] of commands.entries()) {
    const key = routingKey(command);
    if (key === undefined) {
      throw new StorageError('a cluster driver routes by key, but this command has none', {
        command,
      });
    }
    const slot = calculateSlot(String(key));
    const group = nodeOf(slot) ?? `slot ${slot}`;
    const indexes = groups.get(group);
    if (indexes) indexes.push(i);
    else groups.set(group, [i]);
  }
  return [...groups.values()];
}

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
