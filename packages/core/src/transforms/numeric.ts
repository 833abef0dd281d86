import { describe, InvalidValueError } from '../errors';

// A plain decimal number as String(n) writes it, optionally signed and with an exponent.
// Number() alone is too lenient: it reads '' and ' ' as 0 and accepts '0x10' and ' 3 '.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The number a value stands for, or `undefined` when it is not numeric. A value is numeric
 * when it is a finite number, or a string that is entirely a finite decimal number (`'3.5'`,
 * `'-2'`, `'1e3'`, but not `''`, `' '`, `'abc'`, `'3px'`, `'0x10'` or `'Infinity'`): values
 * read back without a `read` function are strings, and statistics must still work on them.
 */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !DECIMAL.test(value)) return undefined;
  const n = Number(value);
  // '1e999' matches the pattern but overflows.
  return Number.isFinite(n) ? n : undefined;
}

/**
 * {@link numericValue} for a transform that cannot work without numbers.
 *
 * @throws InvalidValueError naming the transform and the offending value.
 */
export function requireNumeric(value: unknown, transform: string): number {
  const n = numericValue(value);
  return n === undefined ? notNumeric(value, transform) : n;
}

/**
 * The error of a transform that met a non-numeric value.
 *
 * @throws InvalidValueError naming the transform and the offending value, always.
 */
export function notNumeric(value: unknown, transform: string): never {
  throw new InvalidValueError(
    `transform ${JSON.stringify(transform)} needs numeric values, got ${describe(value)}`,
  );
}
