import { ConfigError, describe } from '../errors';

/** The options every Kairos adapter takes with its client. */
export interface DriverOptions {
  /**
   * The longest a call may wait for Redis, in milliseconds; then it rejects with a
   * `StorageError`. Default 10 000. Clients queue commands while they reconnect, so the
   * driver bounds the wait itself. A command that timed out may still reach Redis later.
   */
  timeoutMs?: number;
  /**
   * Let Kairos send each write chunk as `EVAL`s of its write script (a few per chunk, per
   * hash tag on a cluster) instead of one command per key: the same data, with far fewer
   * commands for the client to encode (see {@link Driver.scripts}). Default true. Where the
   * server refuses `EVAL` (an ACL without it, a renamed command), Kairos notices on the first
   * write and sends plain commands from then on; set false to never try it.
   */
  scripts?: boolean;
}

/**
 * Checks adapter options and fills in the defaults.
 *
 * @example
 * ```ts
 * const { timeoutMs, scripts } = resolveDriverOptions({ timeoutMs: 2_000 });
 * ```
 * @throws ConfigError for a timeout that is not a positive number or a non-boolean `scripts`.
 */
export function resolveDriverOptions(options: DriverOptions = {}): Required<DriverOptions> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new ConfigError(
      `timeoutMs must be a positive number of milliseconds; got ${describe(timeoutMs)}`,
    );
  }
  const scripts = options.scripts ?? true;
  if (typeof scripts !== 'boolean')
    throw new ConfigError(`scripts must be a boolean; got ${describe(scripts)}`);
  return { timeoutMs, scripts };
}
