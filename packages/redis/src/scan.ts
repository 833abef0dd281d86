import { asStorageError, withDeadline } from '@kairos/core';

/** Sends one command to one node (a client, or a cluster's node client). */
export type SendCommand = (args: string[]) => Promise<unknown>;

/** Keys asked for per SCAN call: few round trips without blocking Redis for long. */
const COUNT = '1000';

/**
 * Yields the keys of one node matching `match`, with SCAN (never KEYS). Like SCAN itself it
 * may yield a key twice when the keyspace changes meanwhile. Every call is bounded by `ms`.
 */
export async function* scanNode(
  send: SendCommand,
  match: string,
  ms: number,
): AsyncGenerator<string> {
  let cursor = '0';
  do {
    let reply: unknown;
    try {
      reply = await withDeadline(
        send(['SCAN', cursor, 'MATCH', match, 'COUNT', COUNT]),
        ms,
        `SCAN ${match}`,
      );
    } catch (error) {
      throw asStorageError(error, `SCAN ${match}`);
    }
    if (!Array.isArray(reply) || !Array.isArray(reply[1])) {
      throw asStorageError(new Error(`unexpected SCAN reply ${JSON.stringify(reply)}`), 'SCAN');
    }
    cursor = String(reply[0]);
    for (const key of reply[1]) yield String(key);
  } while (cursor !== '0');
}
