import type { Command } from '@kairos/core';

/** The Redis type each command needs its key to hold; others never answer WRONGTYPE. */
const NEEDS: Record<string, string> = {};
for (const name of [
  'RPUSH',
  'LPUSH',
  'RPUSHX',
  'LPUSHX',
  'LRANGE',
  'LLEN',
  'LINDEX',
  'LPOP',
  'RPOP',
  'LTRIM',
  'LSET',
  'LREM',
  'LINSERT',
])
  NEEDS[name] = 'list';
for (const name of [
  'SADD',
  'SMEMBERS',
  'SREM',
  'SCARD',
  'SISMEMBER',
  'SMISMEMBER',
  'SPOP',
  'SRANDMEMBER',
  'SSCAN',
])
  NEEDS[name] = 'set';
for (const name of [
  'GET',
  'INCR',
  'INCRBY',
  'INCRBYFLOAT',
  'DECR',
  'DECRBY',
  'APPEND',
  'GETSET',
  'STRLEN',
  'GETRANGE',
  'SETRANGE',
  'GETDEL',
  'GETEX',
])
  NEEDS[name] = 'string';

function needs(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (upper.startsWith('H')) return 'hash';
  if (upper.startsWith('Z')) return 'zset';
  return NEEDS[upper];
}

/**
 * Finds which command of a failed pipeline most likely failed. node-redis'
 * `execAsPipeline` rejects with the first error reply but not its index, so:
 * a batch of one is that command; for WRONGTYPE, `typeOf` (one read-only TYPE round trip)
 * tells which command's key holds another type than the command needs — the earliest one,
 * since replies come in order and the first error wins. Otherwise `undefined`.
 */
export async function findFailedCommand(
  commands: readonly Command[],
  error: unknown,
  typeOf: (keys: string[]) => Promise<unknown[]>,
): Promise<Command | undefined> {
  if (commands.length === 1) return commands[0];
  if (!(error instanceof Error) || !error.message.startsWith('WRONGTYPE')) return undefined;
  const suspects = commands.filter((command) => command[1] !== undefined && needs(command[0]));
  if (suspects.length === 0) return undefined;
  try {
    const types = await typeOf(suspects.map((command) => String(command[1])));
    return suspects.find((command, i) => {
      const type = types[i];
      return type !== 'none' && type !== needs(command[0]);
    });
  } catch {
    return undefined; // The diagnosis is best effort; the original error is what matters.
  }
}
