import { describe, InvalidValueError } from '../errors';
import { type Bag, type Found, histogramBag, seriesBag, setBag } from './bag';
import { FIXED_TRANSFORM_NAMES, isTransformName, quantileLevel, type SeriesType } from './names';
import { median, quantile } from './quantile';
import { max, mean, min, stddev, sum, total } from './stats';

function unknownName(name: string): InvalidValueError {
  return new InvalidValueError(
    `unknown transform ${describe(name)}; expected one of ${FIXED_TRANSFORM_NAMES.join(', ')} ` +
      'or a quantile p0 … p100 (such as p99.9)',
  );
}

function badData(type: SeriesType, expected: string, data: unknown): InvalidValueError {
  return new InvalidValueError(`a ${type} bucket must be ${expected}, got ${describe(data)}`);
}

function checkDuration(durationSeconds: number): number {
  if (!(Number.isFinite(durationSeconds) && durationSeconds > 0)) {
    throw new InvalidValueError(
      `rate needs a positive, finite duration in seconds, got ${describe(durationSeconds)}`,
    );
  }
  return durationSeconds;
}

/** A count bucket: `rate` divides by the duration, every other name returns it unchanged. */
function countTransform(name: string, data: unknown, durationSeconds: number): unknown {
  if (name !== 'rate') return data;
  if (typeof data !== 'number') throw badData('count', 'a number', data);
  return data / checkDuration(durationSeconds);
}

/** Per-value rates of a histogram: every entry as stored, in the Map's order. */
function histogramRate(histogram: ReadonlyMap<unknown, unknown>, durationSeconds: number) {
  const seconds = checkDuration(durationSeconds);
  const rates = new Map<unknown, number>();
  for (const [value, count] of histogram) {
    if (typeof count !== 'number') throw badData('histogram', 'a Map of numeric counts', count);
    rates.set(value, count / seconds);
  }
  return rates;
}

function toBag(type: SeriesType, data: unknown): Bag {
  if (type === 'series') {
    if (!Array.isArray(data)) throw badData(type, 'an array', data);
    return seriesBag(data);
  }
  if (type === 'set') {
    if (!(data instanceof Set)) throw badData(type, 'a Set', data);
    return setBag(data);
  }
  if (!(data instanceof Map)) throw badData(type, 'a Map', data);
  return histogramBag(data);
}

// Not `?.value ?? null`: a stored null or undefined is a value, only an empty bucket is null.
function valueOrNull(found: Found | undefined): unknown {
  return found === undefined ? null : found.value;
}

/** A series, set or histogram bucket; `name` is known to be a built-in. */
function collectionTransform(
  type: SeriesType,
  name: string,
  data: unknown,
  durationSeconds: number,
): unknown {
  if (type === 'histogram' && name === 'rate' && data instanceof Map) {
    return histogramRate(data, durationSeconds);
  }
  const bag = toBag(type, data);
  switch (name) {
    case 'count':
      return total(bag);
    case 'rate':
      return total(bag) / checkDuration(durationSeconds);
    case 'sum':
      return sum(bag);
    case 'mean':
      return mean(bag);
    case 'stddev':
      return stddev(bag);
    case 'min':
      return min(bag);
    case 'max':
      return max(bag);
    case 'first':
      return valueOrNull(bag.first());
    case 'last':
      return valueOrNull(bag.last());
    case 'median':
      return median(bag);
  }
  // The caller checked the name, so what is left is a quantile.
  return quantile(bag, quantileLevel(name)!, name);
}

/**
 * Applies the built-in transform `name` to one bucket's data.
 *
 * Data shapes: series `R[]` (arrival order), histogram `Map<R, count>`, set `Set<R>`,
 * count `number`, gauge `R | null`.
 *
 * Series, set and histogram (a histogram acts as its values repeated `count` times, without
 * expanding them; entries whose count is not positive are skipped, except by `rate`):
 * - `count` occurrences; `rate` = count / duration — for a histogram always a `Map` of
 *   value → count / duration with every stored entry, in the Map's order.
 * - `sum`, `mean`: numbers, with a compensated (Neumaier) sum.
 * - `stddev`: the **population** standard deviation (divides by n, so one value gives 0).
 * - `p<N>` (0 ≤ N ≤ 100): R-7 — `h = (n − 1) · N / 100`, linear interpolation between the
 *   occurrences of rank ⌊h⌋ and ⌊h⌋ + 1; `p0` = min, `p100` = max, `p50` = median.
 * - `median`: `p50` when every value is a finite number; otherwise the lower middle value
 *   as stored (rank ⌊(n − 1) / 2⌋ in the order of `min`/`max`).
 * - `min`/`max`: the value as stored. Order (docs/ARCHITECTURE.md "Ordering of values"): numbers first, compared as numbers;
 *   then strings, numeric-looking ones too, by UTF-16 code unit (JS `<`, so `'10' < '9'`);
 *   then any other value by JS `<`. Among equal values the first one met wins.
 * - `first`/`last`: a series' arrival order; a set's and a histogram's iteration order,
 *   which for data read from Redis is the order Redis returned, not the order of arrival.
 * - An empty bucket gives `null`, except `count`, `sum` and `rate`: 0 (an empty `Map` for a
 *   histogram's `rate`).
 *
 * Numeric means a finite number or a string that is entirely a finite decimal number
 * (`'3.5'`, `'-2'`, `'1e3'`): values read back without `read` are strings.
 *
 * Count: `rate` divides by the duration, every other name returns the number unchanged.
 * Gauge: every name, `rate` included, returns the value unchanged.
 *
 * @param durationSeconds - the span the bucket covers; only `rate` uses it.
 * @throws InvalidValueError for an unknown name or type, for data of the wrong shape, for a
 *   duration that is not positive and finite when `rate` needs it, and for `sum`, `mean`,
 *   `stddev` or a quantile of a non-numeric value (naming the transform and the value).
 */
export function applyTransform(
  type: SeriesType,
  name: string,
  data: unknown,
  durationSeconds: number,
): unknown {
  if (!isTransformName(name)) throw unknownName(name);
  switch (type) {
    case 'count':
      return countTransform(name, data, durationSeconds);
    case 'gauge':
      return data;
    case 'series':
    case 'set':
    case 'histogram':
      return collectionTransform(type, name, data, durationSeconds);
    default:
      throw new InvalidValueError(`unknown series type ${describe(type)}`);
  }
}
