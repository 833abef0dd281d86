import { KairosError, StorageError } from '@kairos/core';
import type { Connection } from './connection';
import { CommandFailure, EXIT, UsageError } from './errors';

/** How a failed command is reported: its exit code and one line for stderr. */
export interface Report {
  readonly code: number;
  readonly line: string;
}

/**
 * Turns an error into its exit code and one stderr line: usage mistakes (ours, and Kairos'
 * bad-argument errors) exit 2; a Redis failure exits 1 naming the server and the cause.
 */
export function reportError(error: unknown, connection: Connection | undefined): Report {
  if (error instanceof UsageError) return { code: EXIT.usage, line: error.message };
  if (error instanceof StorageError)
    return { code: EXIT.failure, line: redisFailure(error, connection) };
  if (error instanceof KairosError) return { code: EXIT.usage, line: error.message };
  if (error instanceof CommandFailure) return { code: EXIT.failure, line: error.message };
  return { code: EXIT.failure, line: error instanceof Error ? error.message : String(error) };
}

function redisFailure(error: StorageError, connection: Connection | undefined): string {
  const server = connection ? `Redis at ${connection.label}` : 'Redis';
  const lost = connection?.lastError();
  // A refused or lost connection surfaces as "Connection is closed" or a deadline: its cause is the socket error.
  if (lost) return `cannot use ${server}: ${lost.message} (${error.message})`;
  return `${server} failed: ${error.message}`;
}
