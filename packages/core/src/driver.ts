/** One argument of a Redis command. */
export type Arg = string | number;

/** A Redis command as its name followed by its arguments, e.g. `['RPUSH', key, 'a', 'b']`. */
export type Command = readonly [name: string, ...args: Arg[]];

/**
 * A raw RESP reply: bulk strings as `string`, integers as `number`, nil as `null`,
 * arrays as arrays (HGETALL is a flat `[field, value, …]` array).
 */
export type Reply = string | number | null | Reply[];

/**
 * What a storage adapter implements. Kairos speaks to Redis only through this.
 *
 * @example
 * ```ts
 * const driver: Driver = {
 *   cluster: false,
 *   exec: async (commands) => commands.map(() => 'OK'),
 *   scan: async function* () {},
 * };
 * ```
 */
export interface Driver {
  /** True when keys live on several nodes: Kairos then forces the hash-tag key layout. */
  readonly cluster: boolean;
  /**
   * Sends the commands as one non-transactional pipeline and resolves their replies in
   * order. Rejects (with the failed command named) when any command fails.
   */
  exec(commands: readonly Command[]): Promise<Reply[]>;
  /** Yields every key matching the glob `match`, with SCAN on every master; never KEYS. */
  scan(match: string): AsyncIterable<string>;
  /**
   * Optional. True when `exec()` accepts `['EVAL', script, numkeys, ...keys, ...args]` and,
   * on a cluster, routes each EVAL to the node of its first key: Kairos then writes each
   * chunk as a few scripts per hash tag instead of one command per key. Absent: plain commands.
   */
  readonly scripts?: boolean;
}
