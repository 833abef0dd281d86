/**
 * Errors the command reports without a stack trace. Every other error is a bug or an
 * unexpected failure, reported the same way but with its stack under `--debug`.
 */

/** Exit codes, as Unix tools use them. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** A mistake in how the command was called (exit code 2): the message lists valid choices. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A configuration file that cannot be used: names the file, the path inside it and the problem. */
export class ConfigFileError extends UsageError {
  constructor(
    readonly file: string,
    readonly path: string,
    problem: string,
  ) {
    super(path ? `${file}: ${path}: ${problem}` : `${file}: ${problem}`);
    this.name = 'ConfigFileError';
  }
}

/** A runtime failure the command already described in full (exit code 1). */
export class CommandFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CommandFailure';
  }
}

/** Lists choices for a message: `a, b, c`, or `(none)`. */
export function choices(values: Iterable<string>): string {
  const list = [...values];
  return list.length ? list.join(', ') : '(none)';
}
