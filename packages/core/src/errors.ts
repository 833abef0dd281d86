import type { Command } from './driver';

/**
 * The registry symbol under which each Kairos error class names itself. `Symbol.for` gives
 * the same symbol to every copy of `@kairos/core` in a process (ESM and CJS builds, nested
 * versions), so `instanceof` can recognise an error made by another copy.
 */
const BRAND = Symbol.for('@kairos/core:error-class');

/** The prototype check, else the brand check when `ctor` is a Kairos class of its own brand. */
function isInstance(ctor: object, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(ctor, value)) return true;
  if (typeof value !== 'object' || value === null || !Object.hasOwn(ctor, BRAND)) return false;
  return brandsOf(value).has((ctor as Record<symbol, unknown>)[BRAND]);
}

/** The brands of the classes on `value`'s prototype chain that name themselves. */
function brandsOf(value: object): Set<unknown> {
  const brands = new Set<unknown>();
  for (let proto = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
    const ctor: unknown = Object.hasOwn(proto, 'constructor') ? proto.constructor : undefined;
    if (typeof ctor === 'function' && Object.hasOwn(ctor, BRAND))
      brands.add((ctor as unknown as Record<symbol, unknown>)[BRAND]);
  }
  return brands;
}

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
 *
 * `instanceof` works across copies of `@kairos/core` (its ESM and CommonJS builds, or two
 * versions nested by npm): each Kairos error class carries a brand registered with
 * `Symbol.for`, and `Symbol.hasInstance` accepts an error whose class has the same brand. A
 * subclass of your own is matched by the ordinary prototype check only.
 */
export class KairosError extends Error {
  static readonly [BRAND]: string = 'KairosError';

  /** True for an instance of this class, or of the same Kairos class from another copy. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of instanceof, a subclass too
    return isInstance(this, value);
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad options given to the `Timeseries` constructor. */
export class ConfigError extends KairosError {
  static override readonly [BRAND]: string = 'ConfigError';
}

/** A read or write named an interval that is not configured. */
export class UnknownIntervalError extends KairosError {
  static override readonly [BRAND]: string = 'UnknownIntervalError';

  constructor(
    readonly interval: string,
    known: readonly string[],
  ) {
    super(`unknown interval ${JSON.stringify(interval)}; configured: ${known.join(', ')}`);
  }
}

/** A series name that is empty or contains `:`, `{`, `}` or a control character. */
export class InvalidNameError extends KairosError {
  static override readonly [BRAND]: string = 'InvalidNameError';

  constructor(
    readonly seriesName: unknown,
    reason: string,
  ) {
    super(`invalid series name ${describe(seriesName)}: ${reason}`);
  }
}

/** A value, timestamp, transform name or option value that cannot be used. */
export class InvalidValueError extends KairosError {
  static override readonly [BRAND]: string = 'InvalidValueError';
}

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
  static override readonly [BRAND]: string = 'StorageError';

  readonly command: Command | undefined;
  /** `detail` is appended after the command: what the call knows of the rest of its writes. */
  constructor(message: string, options: { cause?: unknown; command?: Command; detail?: string }) {
    const named = options.command
      ? `${message} (command: ${formatCommand(options.command)})`
      : message;
    super(options.detail ? `${named}; ${options.detail}` : named, { cause: options.cause });
    this.command = options.command;
  }
}

/** The same storage failure, its message followed by `detail`. */
export function withDetail(error: StorageError, detail: string): StorageError {
  if (!error.command) return new StorageError(error.message, { cause: error.cause, detail });
  // The constructor names the command again: start from the message without that suffix.
  const suffix = ` (command: ${formatCommand(error.command)})`;
  const message = error.message.endsWith(suffix)
    ? error.message.slice(0, -suffix.length)
    : error.message;
  return new StorageError(message, { cause: error.cause, command: error.command, detail });
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
