import { type Command, connectionLost, type Reply, StorageError, toReply } from '@kairos/core';
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
 * saying which command it came from, and before the later commands have answered. So a
 * failed pipeline is followed by one PING on the same connection: its reply comes after
 * theirs, and only then does the call reject, with facts that are true by then (the others
 * have run). The rejection is a `StorageError` that names the failed command when
 * {@link findFailedCommand} can tell. A lost connection (node-redis never resends a written
 * command) rejects at once, saying the batch may or may not have run.
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
    // Redis error replies start with a code (ERR, WRONGTYPE …); client errors do not.
    const fromRedis = /^[A-Z][A-Z_-]+ /.test(message);
    if (!fromRedis) throw connectionLost(error, commands.length);
    // Replies come in order: once PING answers, every command of the batch has.
    const settled = await run([['PING']]).then(
      () => true,
      () => false,
    );
    if (!settled) throw connectionLost(error, commands.length);
    const typeOf = (keys: string[]) => run(keys.map((key) => ['TYPE', key]));
    const command = await findFailedCommand(commands, error, typeOf);
    const which = command
      ? ''
      : ` (one of ${commands.length} commands; node-redis does not say which, and the others have run)`;
    throw new StorageError(`Redis command failed: ${message}${which}`, {
      cause: error,
      ...(command ? { command } : {}),
    });
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
