import type { Command } from './driver';

/**
 * The base class of every error Kairos throws: one `instanceof` tells Kairos' errors from
 * the rest; the subclasses tell bad input (thrown before anything is sent) from Redis failures.
 *
 * @example
 * ```ts
 * try {
 *   await t.insert(name, value);
 * } catch (error) {
 *   if (error instanceof StorageError) log.warn('metrics write failed', error.cause);
 *   else if (error instanceof KairosError) log.error('bad metrics call', error.message);
 *   else throw error;
 * }
 * ```
 */
export class KairosError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad options given to the `Timeseries` constructor. */
export class ConfigError extends KairosError {}

/** A read or write named an interval that is not configured. */
export class UnknownIntervalError extends KairosError {
  constructor(
    readonly interval: string,
    known: readonly string[],
  ) {
    super(`unknown interval ${JSON.stringify(interval)}; configured: ${known.join(', ')}`);
  }
}

/** A series name that is empty or contains `:`, `{`, `}` or a control character. */
export class InvalidNameError extends KairosError {
  constructor(
    readonly seriesName: unknown,
    reason: string,
  ) {
    super(`invalid series name ${describe(seriesName)}: ${reason}`);
  }
}

/** A value, timestamp, transform name or option value that cannot be used. */
export class InvalidValueError extends KairosError {}

/**
 * A storage failure. `cause` is the original error; `command` is the failed command
 * when the driver could tell which one it was.
 *
 * @example
 * ```ts
 * const failure = await t.get('api.latency', 'minute').catch((e: unknown) => e);
 * if (failure instanceof StorageError) {
 *   console.error(failure.message, failure.command?.[0], failure.cause);
 * }
 * ```
 */
export class StorageError extends KairosError {
  readonly command: Command | undefined;
  constructor(message: string, options: { cause?: unknown; command?: Command }) {
    super(options.command ? `${message} (command: ${formatCommand(options.command)})` : message, {
      cause: options.cause,
    });
    this.command = options.command;
  }
}

/** A short, log-safe rendering of a command: the name and its first key. */
export function formatCommand(command: Command): string {
  const [name, key] = command;
  return key === undefined ? name : `${name} ${String(key)}`;
}

/** A short rendering of any value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null)
    return String(value);
  if (value instanceof Date)
    return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (typeof value === 'function') return 'a function';
  return Object.prototype.toString.call(value);
}

/**
 * A record given to `restore` that cannot be written: `record` is its 1-based position in
 * the input (in a dump file, line `record + 1`). Nothing of the chunk holding it was written.
 */
export class InvalidRecordError extends InvalidValueError {
  constructor(
    readonly record: number,
    message: string,
  ) {
    super(`record ${record}: ${message}`);
  }
}

/**
 * A dump file (or stream of dump lines) that is not one: a bad header, a line that is not
 * JSON, or a file that ends before its end line. `line` is the 1-based line at fault.
 */
export class DumpFormatError extends KairosError {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`dump line ${line}: ${message}`);
  }
}
