import type { Bag } from './bag';
import { CompensatedSum } from './compensated-sum';
import type { QuantileLevel } from './names';
import { notNumeric, numericValue } from './numeric';
import { compareKeyed, type Keyed, keyed } from './order';

/** A bag's numeric values sorted ascending, with their weights (`undefined`: all 1). */
interface SortedNumbers {
  readonly values: Float64Array;
  readonly weights: Float64Array | undefined;
  readonly total: number;
}

/** The first value that is not numeric, when there is one. */
interface Offender {
  readonly offender: unknown;
}

/** Converts and sorts a copy of the bag's values; the bucket itself is never touched. */
function sortNumbers(bag: Bag): SortedNumbers | Offender {
  const values = new Float64Array(bag.entries);
  const weights = bag.unweighted ? undefined : new Float64Array(bag.entries);
  let i = 0;
  let bad: Offender | undefined;
  bag.forEach((value, weight) => {
    if (bad !== undefined) return;
    const x = numericValue(value);
    if (x === undefined) {
      bad = { offender: value };
      return;
    }
    values[i] = x;
    if (weights !== undefined) weights[i] = weight;
    i++;
  });
  if (bad !== undefined) return bad;
  if (weights === undefined) return { values: values.sort(), weights, total: values.length };
  // Sort positions by value, then lay both columns out in that order.
  const order = Array.from({ length: values.length }, (_, k) => k);
  order.sort((a, b) => values[a]! - values[b]!);
  const sortedValues = new Float64Array(values.length);
  const sortedWeights = new Float64Array(values.length);
  const sum = new CompensatedSum();
  for (let k = 0; k < order.length; k++) {
    const from = order[k]!;
    sortedValues[k] = values[from]!;
    sortedWeights[k] = weights[from]!;
    sum.add(weights[from]!);
  }
  return { values: sortedValues, weights: sortedWeights, total: sum.value };
}

/**
 * Walks the cumulative weights of sorted entries: `at(rank)` is the value of the occurrence
 * with that 0-based rank, as if each value were repeated `weight` times. Ranks must be
 * asked in ascending order, so two neighbouring ranks cost one walk.
 */
function rankCursor(values: Float64Array, weights: Float64Array | undefined) {
  let index = 0;
  let before = 0; // occurrences before `index`
  return (rank: number): number => {
    if (weights === undefined) return values[Math.min(rank, values.length - 1)]!;
    while (index < values.length - 1 && before + weights[index]! <= rank) {
      before += weights[index]!;
      index++;
    }
    return values[index]!;
  };
}

/**
 * The position `h = (n − 1) · level` of the R-7 definition, rounded once: with the level as
 * a fraction of integers, `p99.9` of 1001 values is exactly 999, not a hair past it.
 */
function position(n: number, level: QuantileLevel): number {
  const last = Math.max(n - 1, 0);
  const h = (last * level.numerator) / level.denominator;
  return Math.min(Math.max(h, 0), last);
}

/** `a + t·(b − a)`, kept finite for huge opposite values and inside `[a, b]`. */
function lerp(a: number, b: number, t: number): number {
  const direct = a + t * (b - a);
  const x = Number.isFinite(direct) ? direct : (1 - t) * a + t * b;
  return Math.min(Math.max(x, a), b);
}

function interpolate(sorted: SortedNumbers, level: QuantileLevel): number {
  const h = position(sorted.total, level);
  const lo = Math.floor(h);
  const at = rankCursor(sorted.values, sorted.weights);
  const a = at(lo);
  return h === lo ? a : lerp(a, at(lo + 1), h - lo);
}

/**
 * The quantile at `level` (0 to 1) of a numeric bag, or `null` when it is empty.
 *
 * Definition: R-7 (Hyndman & Fan type 7; numpy's and Excel's default): with the `n`
 * occurrences sorted as `x[0] ≤ … ≤ x[n−1]`, `h = (n − 1) · level` and the result
 * is `x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋])`. So `p0` is the minimum, `p100` the
 * maximum and `p50` the usual median (the mean of the middle two for an even count).
 * A histogram is treated as its values repeated `count` times, without expanding them.
 * Numeric strings count as their numbers; the result is always a number.
 *
 * @throws InvalidValueError naming `transform` for a non-numeric value.
 */
export function quantile(bag: Bag, level: QuantileLevel, transform: string): number | null {
  const sorted = sortNumbers(bag);
  if ('offender' in sorted) return notNumeric(sorted.offender, transform);
  return sorted.total > 0 ? interpolate(sorted, level) : null;
}

const HALF: QuantileLevel = { numerator: 1, denominator: 2 };

/**
 * The median, or `null` for an empty bag.
 *
 * When every value is a finite number it is `p50` (the mean of the middle two for an
 * even count). Otherwise no mean of two values exists, so it is the lower middle value as
 * stored — the occurrence of rank ⌊(n − 1) / 2⌋ — in the order of `min`/`max`: numbers
 * first, then strings by code unit (`'10'` before `'9'`, see docs/ARCHITECTURE.md "Ordering of values").
 */
export function median(bag: Bag): unknown {
  let numbers = true;
  bag.forEach((value) => {
    numbers &&= typeof value === 'number';
  });
  // NaN and ±Infinity are numbers without a mean: they take the stored-value path too.
  const sorted = numbers ? sortNumbers(bag) : undefined;
  if (sorted === undefined || 'offender' in sorted) return lowerMedian(bag);
  return sorted.total > 0 ? interpolate(sorted, HALF) : null;
}

function lowerMedian(bag: Bag): unknown {
  const items: { key: Keyed; weight: number }[] = [];
  const sum = new CompensatedSum();
  bag.forEach((value, weight) => {
    items.push({ key: keyed(value), weight });
    sum.add(weight);
  });
  // Array#sort is stable: equal values keep the order the data holds.
  items.sort((a, b) => compareKeyed(a.key, b.key));
  const rank = Math.floor(Math.max(sum.value - 1, 0) / 2);
  let before = 0;
  for (const item of items) {
    before += item.weight;
    if (before > rank) return item.key.value;
  }
  return items[items.length - 1]?.key.value ?? null;
}
