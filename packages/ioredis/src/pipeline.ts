import { type Command, connectionLost, type Reply, StorageError, toReply } from '@kairos/core';
import { type ChainableCommander, Command as IoredisCommand, type Redis } from 'ioredis';
import { type Flight, flightsOn } from './in-flight';

/** ioredis' errors for a command whose connection closed before its reply came. */
const LOST = /^(Command aborted due to connection close|Connection is closed\.)/;

/**
 * Sends the commands as one pipeline on one connection (a client, or one master of a
 * cluster) and returns the replies in order.
 *
 * Names are sent upper-cased: ioredis keys its reply transformers by lower-case name
 * (`hgetall` → object), and Kairos needs the raw flat reply. ioredis resolves one
 * `[error, result]` per command even when some fail; the first failure rejects the call
 * with a `StorageError` naming that command, so a partial success is never silent. When the
 * connection is lost first, the call fails at once saying so, and the pipeline is never
 * resent (see {@link flightsOn}).
 */
export async function runPipeline(
  connection: Redis,
  commands: readonly Command[],
): Promise<Reply[]> {
  // A Pipeline has sendCommand (ioredis' Pipeline type); the chainable type hides it.
  const pipeline = connection.pipeline() as ChainableCommander & {
    sendCommand(command: IoredisCommand): unknown;
  };
  // Commands built here, not by pipeline.call, so that they can be told apart in the
  // connection's queues; the same options as `call` (the client's key prefix, utf8 replies).
  const options = { keyPrefix: connection.options.keyPrefix, replyEncoding: 'utf8' as const };
  const sent = new Set<IoredisCommand>();
  for (const [name, ...args] of commands) {
    const command = new IoredisCommand(name.toUpperCase(), args, options);
    sent.add(command);
    pipeline.sendCommand(command);
  }
  const flights = flightsOn(connection);
  let flight: Flight | undefined;
  const lost = new Promise<never>((_, reject) => {
    flight = {
      commands: sent,
      lost: () => reject(connectionLost(new Error('the connection closed'), commands.length)),
    };
  });
  lost.catch(() => undefined);
  flights.add(flight!);
  let results: [Error | null, unknown][] | null;
  try {
    results = await Promise.race([pipeline.exec(), lost]);
  } finally {
    flights.delete(flight!);
  }
  if (!results) throw new StorageError('Redis pipeline was discarded', {});
  const dropped = results.find(([error]) => error && LOST.test(error.message));
  if (dropped) throw connectionLost(dropped[0], commands.length);
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
