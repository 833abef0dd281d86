import type { Command, Reply } from '../driver';
import { KairosError, StorageError } from '../errors';

/**
 * Settles like `work`, or rejects with a `StorageError` after `ms` milliseconds. Clients
 * keep a command queued while Redis is unreachable (ioredis retries for a long time,
 * node-redis waits for its reconnect), so a driver bounds the wait itself. The losing
 * promise stays handled, and the timer is cleared, so nothing leaks or surfaces as an
 * unhandled rejection.
 *
 * @example
 * ```ts
 * const reply = await withDeadline(client.ping(), 2_000, 'PING');
 * ```
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const cause = new Error(`timed out after ${ms} ms`);
      reject(new StorageError(`Redis did not answer ${what} within ${ms} ms`, { cause }));
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Wraps any client failure in a `StorageError`; a Kairos error, already typed, passes through. */
export function asStorageError(error: unknown, what: string): KairosError {
  if (error instanceof KairosError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StorageError(`Redis ${what} failed: ${message}`, { cause: error });
}

/**
 * A driver's `exec` around `run`: an empty batch resolves to `[]` without a round trip;
 * otherwise `run()` is bounded by `ms` and any failure becomes a `StorageError`.
 */
export async function execWithDeadline(
  commands: readonly Command[],
  ms: number,
  run: () => Promise<Reply[]>,
): Promise<Reply[]> {
  if (commands.length === 0) return [];
  try {
    return await withDeadline(run(), ms, `${commands.length} command(s)`);
  } catch (error) {
    throw asStorageError(error, 'pipeline');
  }
}
