import { type Command, type Reply, StorageError, toReply } from '@kairos/core';
import { findFailedCommand } from './diagnose';

/**
 * One routed pipeline: `run` sends the given argument lists with `execAsPipeline` (no
 * MULTI/EXEC is sent) to one node and resolves their replies in order.
 */
export type PipelineRunner = (argLists: string[][]) => Promise<unknown[]>;

/**
 * Sends the commands as one pipeline and converts the replies.
 *
 * `execAsPipeline` measured about 6× faster here than `Promise.all` over per-command
 * `sendCommand` for 10k-command batches, but it rejects with the first error reply without
 * saying which command it came from (and drops the other replies; the other commands have
 * still run — a pipeline is not a transaction). The rejection becomes a `StorageError`
 * that names the failed command when {@link findFailedCommand} can tell.
 */
export async function runPipeline(
  run: PipelineRunner,
  commands: readonly Command[],
): Promise<Reply[]> {
  let replies: unknown[];
  try {
    replies = await run(commands.map((command) => command.map(String)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Redis error replies start with a code (ERR, WRONGTYPE …); client errors do not, and
    // then no single command is to blame.
    const fromRedis = /^[A-Z][A-Z_-]+ /.test(message);
    const typeOf = (keys: string[]) => run(keys.map((key) => ['TYPE', key]));
    const command = fromRedis ? await findFailedCommand(commands, error, typeOf) : undefined;
    const which =
      fromRedis && !command
        ? ` (one of ${commands.length} commands; node-redis does not say which, and the others have run)`
        : '';
    throw new StorageError(
      `Redis ${fromRedis ? 'command' : 'pipeline'} failed: ${message}${which}`,
      {
        cause: error,
        ...(command ? { command } : {}),
      },
    );
  }
  return replies.map((value, i) => {
    try {
      return toReply(value);
    } catch (error) {
      throw new StorageError(`Redis command failed: ${String(error)}`, {
        cause: error,
        command: commands[i]!,
      });
    }
  });
}
