import type { Command, Reply } from '../driver';

/** The type a write command leaves its key holding. */
const WRITES_TYPE: Readonly<Record<string, string>> = {
  RPUSH: 'list',
  SADD: 'set',
  INCRBYFLOAT: 'string',
  SET: 'string',
  HINCRBY: 'hash',
};

/**
 * Wraps a pipeline sender for plain (unscripted) writes so that a failed write gives no key
 * a TTL that is not Kairos' own: the writes go first, and the EXPIREs only once they have
 * answered. When the writes fail (a key of another type, OOM), each key is checked with
 * TYPE and only the keys holding what Kairos wrote there get their EXPIRE, so the writes
 * that did land still expire; then the call rejects with the writes' error.
 */
export function plainSender(
  exec: (commands: Command[]) => Promise<Reply[]>,
): (commands: Command[]) => Promise<Reply[]> {
  return async (commands) => {
    const writes: number[] = [];
    const expires: number[] = [];
    for (const [i, command] of commands.entries())
      (command[0] === 'EXPIRE' ? expires : writes).push(i);
    if (expires.length === 0 || writes.length === 0) return exec(commands);
    const pick = (indexes: number[]) => indexes.map((i) => commands[i]!);
    let written: Reply[];
    try {
      written = await exec(pick(writes));
    } catch (error) {
      // Best effort: when Redis is gone these fail too, and the writes' error is the one to tell.
      await expireOwnKeys(exec, pick(writes), pick(expires)).catch(() => undefined);
      throw error;
    }
    const expired = await exec(pick(expires));
    const replies = new Array<Reply>(commands.length);
    for (const [n, i] of writes.entries()) replies[i] = written[n]!;
    for (const [n, i] of expires.entries()) replies[i] = expired[n]!;
    return replies;
  };
}

/** Sends the EXPIREs whose key holds the type its write leaves (checked with TYPE first). */
async function expireOwnKeys(
  exec: (commands: Command[]) => Promise<Reply[]>,
  writes: readonly Command[],
  expires: readonly Command[],
): Promise<void> {
  const wanted = new Map<string, string>();
  for (const [name, key] of writes) {
    const type = WRITES_TYPE[name];
    if (type !== undefined) wanted.set(String(key), type);
  }
  const types = await exec(expires.map(([, key]): Command => ['TYPE', key!]));
  const own = expires.filter(([, key], i) => wanted.get(String(key)) === types[i]);
  if (own.length > 0) await exec(own);
}
