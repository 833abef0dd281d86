import type { CheckedSeries } from './config/check';

/**
 * Turns input values into what a series stores, the same way for every input: a count
 * takes numbers, a `read: "number"` series takes numbers, a `read: "json"` series stores
 * JSON text. Returns an error message instead of throwing, so callers can name the line.
 */
export interface ValueCodec {
  /** A value typed as text (an argument, a CSV cell). */
  fromText(text: string): string | number | Error;
  /** A value parsed from JSON (an NDJSON field). */
  fromJson(value: unknown): string | number | Error;
  /** What a missing value stands for: 1 for a count, else nothing (an error). */
  readonly absent: number | undefined;
}

/** The {@link ValueCodec} of a configured series. */
export function valueCodec(series: CheckedSeries): ValueCodec {
  const { type, read = 'string' } = series.entry;
  if (type === 'count' || read === 'number') {
    const what = type === 'count' ? 'a count' : 'a number series';
    const number = (value: unknown) => {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n)
        ? n
        : new Error(`${what} takes finite numbers; got ${JSON.stringify(value) ?? String(value)}`);
    };
    return { fromText: number, fromJson: number, absent: type === 'count' ? 1 : undefined };
  }
  if (read === 'json') {
    return {
      absent: undefined,
      fromText: (text) => {
        try {
          JSON.parse(text);
          return text;
        } catch {
          return new Error(`a json series takes JSON text; got ${JSON.stringify(text)}`);
        }
      },
      fromJson: (value) =>
        value === undefined ? new Error('a json series takes a value') : JSON.stringify(value),
    };
  }
  return {
    absent: undefined,
    fromText: (text) => text,
    fromJson: (value) =>
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : new Error(
            `a string series takes strings or numbers; got ${JSON.stringify(value) ?? 'nothing'}`,
          ),
  };
}
