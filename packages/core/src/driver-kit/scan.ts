import { asStorageError, withDeadline } from './deadline';

/** Sends one raw command to one node (a client, or one master of a cluster). */
export type SendCommand = (args: string[]) => Promise<unknown>;

/** Keys asked for per SCAN call: few round trips without blocking Redis for long. */
const COUNT = '1000';

/**
 * Yields the keys of one node matching `match`, with SCAN (never KEYS), for a driver's
 * `scan`. Like SCAN itself it may yield a key twice when the keyspace changes meanwhile.
 * Every call is bounded by `ms`; a failure or an unexpected reply is a `StorageError`.
 *
 * @example
 * ```ts
 * for await (const key of scanNode((args) => client.sendCommand(args), 'app:*', 10_000)) …
 * ```
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
