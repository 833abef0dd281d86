import type { IntervalConfig } from '../config';
import { describe, InvalidValueError } from '../errors';
import { nominalSeconds } from '../time';

/**
 * The `fill` read option: with it set, a fine interval gives every resolution row in range;
 * a number replaces a null result, `'previous'` carries the last non-null result forward,
 * `null` leaves nulls as they are.
 */
export type Fill = number | 'previous' | null;

/** Checks a `fill` option (undefined: no filling). */
export function checkFill(fill: unknown): Fill | undefined {
  if (
    fill === undefined ||
    fill === null ||
    fill === 'previous' ||
    (typeof fill === 'number' && Number.isFinite(fill))
  ) {
    return fill;
  }
  throw new InvalidValueError(
    `fill must be a finite number, 'previous' or null; got ${describe(fill)}`,
  );
}

/** Replaces null results one after another in time order (stateful for 'previous'). */
export type Filler = (value: unknown) => unknown;

/** A filler for one output series. */
export function filler(fill: Fill): Filler {
  if (fill === null) return (value) => value;
  if (fill !== 'previous') return (value) => (value === null ? fill : value);
  let last: unknown = null;
  return (value) => {
    if (value === null) return last;
    last = value;
    return value;
  };
}

/**
 * Fills a result in place, in time order: a Map by time, of Maps by time when `nested`
 * (a fine interval's `series()` rows; a row itself may be a Map, a histogram's).
 */
export function fillResult(
  result: Map<number, unknown>,
  fill: Fill | undefined,
  nested: boolean,
): Map<number, unknown> {
  if (fill === undefined) return result;
  const next = filler(fill);
  const fillRows = (rows: Map<number, unknown>) => {
    for (const [time, value] of rows) rows.set(time, next(value));
  };
  if (!nested) fillRows(result);
  else for (const rows of result.values()) fillRows(rows as Map<number, unknown>);
  return result;
}

/** The most rows a filled `series()` of a fine interval may return per name. */
export const MAX_FILLED_ROWS = 1_000_000;

/** Checks, before anything is read, that filling `buckets` fine buckets stays bounded. */
export function checkFilledRows(interval: IntervalConfig, buckets: number): void {
  const perBucket = Math.ceil(nominalSeconds(interval.i.step) / nominalSeconds(interval.r.step));
  if (buckets * perBucket > MAX_FILLED_ROWS) {
    throw new InvalidValueError(
      `series() of ${JSON.stringify(interval.name)} with fill would return about ${buckets * perBucket} rows; at most ${MAX_FILLED_ROWS} (narrow start/end or steps)`,
    );
  }
}
