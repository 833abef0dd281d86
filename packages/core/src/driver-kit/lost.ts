import { StorageError } from '../errors';

/**
 * The error for a batch whose connection was lost before every reply came: Redis may have
 * run all, some or none of its commands, and the message says so.
 *
 * @example
 * ```ts
 * socket.on('close', () => reject(connectionLost(new Error('socket closed'), commands.length)));
 * ```
 */
export function connectionLost(cause: unknown, commands: number): StorageError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new StorageError(
    `Redis connection was lost before the replies to ${commands} command(s) came (${reason}): the batch may or may not have run`,
    { cause },
  );
}
