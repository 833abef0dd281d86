import { type Command, type Reply, StorageError, toReply } from '@kairos/core';
import type { ChainableCommander } from 'ioredis';

/**
 * Queues the commands on an ioredis pipeline, executes it and returns the replies in order.
 *
 * Names are sent upper-cased: ioredis keys its reply transformers by lower-case name
 * (`hgetall` → object), and Kairos needs the raw flat reply. ioredis resolves one
 * `[error, result]` per command even when some fail; the first failure rejects the call
 * with a `StorageError` naming that command, so a partial success is never silent.
 */
export async function runPipeline(
  pipeline: ChainableCommander,
  commands: readonly Command[],
): Promise<Reply[]> {
  for (const [name, ...args] of commands) pipeline.call(name.toUpperCase(), args);
  const results = await pipeline.exec();
  if (!results) throw new StorageError('Redis pipeline was discarded', {});
  return results.map(([error, value], i) => {
    try {
      if (error) throw error;
      return toReply(value);
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      throw new StorageError(`Redis command failed: ${message}`, {
        cause: failure,
        command: commands[i]!,
      });
    }
  });
}
