import { asStorageError, withDeadline } from '@kairos/core';
import type { Redis } from 'ioredis';

/** Keys asked for per SCAN call: few round trips without blocking Redis for long. */
const COUNT = 1000;

/**
 * Yields the keys of one node matching `match`, with SCAN (never KEYS). Like SCAN itself it
 * may yield a key twice when the keyspace changes meanwhile. Every call is bounded by `ms`.
 */
export async function* scanNode(node: Redis, match: string, ms: number): AsyncGenerator<string> {
  let cursor = '0';
  do {
    let reply: [string, string[]];
    try {
      reply = await withDeadline(
        node.scan(cursor, 'MATCH', match, 'COUNT', COUNT),
        ms,
        `SCAN ${match}`,
      );
    } catch (error) {
      throw asStorageError(error, `SCAN ${match}`);
    }
    [cursor] = reply;
    yield* reply[1];
  } while (cursor !== '0');
}
