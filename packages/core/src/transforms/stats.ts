import type { Bag } from './bag';
import { CompensatedSum } from './compensated-sum';
import { requireNumeric } from './numeric';
import { compareKeyed, type Keyed, keyed } from './order';

/** The number of occurrences in a bag: a histogram's counts added up. */
export function total(bag: Bag): number {
  if (bag.unweighted) return bag.entries;
  const sum = new CompensatedSum();
  bag.forEach((_, weight) => {
    sum.add(weight);
  });
  return sum.value;
}

/** Running sums of one pass over a numeric bag. */
interface Moments {
  readonly weight: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
}

/** Where a pass keeps the converted values (and weights) for a second pass. */
interface Columns {
  readonly values: Float64Array;
  readonly weights: Float64Array | undefined;
}

function moments(bag: Bag, transform: string, keep?: Columns): Moments {
  const weight = new CompensatedSum();
  const sum = new CompensatedSum();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let i = 0;
  bag.forEach((value, w) => {
    const x = requireNumeric(value, transform);
    if (keep !== undefined) {
      keep.values[i] = x;
      if (keep.weights !== undefined) keep.weights[i] = w;
      i++;
    }
    weight.add(w);
    sum.add(x * w);
    if (x < min) min = x;
    if (x > max) max = x;
  });
  return { weight: weight.value, sum: sum.value, min, max };
}

/**
 * The sum of the values (each times its count in a histogram); 0 for an empty bag.
 *
 * @throws InvalidValueError for a non-numeric value.
 */
export function sum(bag: Bag, transform = 'sum'): number {
  return moments(bag, transform).sum;
}

/** A mean that rounding cannot push outside the values' range (so a constant's mean is exact). */
function boundedMean(m: Moments): number {
  return Math.min(Math.max(m.sum / m.weight, m.min), m.max);
}

/**
 * The arithmetic mean (weighted by counts in a histogram), or `null` for an empty bag.
 *
 * @throws InvalidValueError for a non-numeric value.
 */
export function mean(bag: Bag, transform = 'mean'): number | null {
  const m = moments(bag, transform);
  return m.weight > 0 ? boundedMean(m) : null;
}

/**
 * The **population** standard deviation, `sqrt(Σ w·(x − mean)² / Σ w)`, or `null` for an
 * empty bag. A bucket holds every observation of its span, not a sample of it; and with
 * histogram counts as frequency weights the population form is the one that gives the same
 * answer as the expanded series. One value gives 0.
 *
 * Two passes with compensated sums, plus the usual correction term for the rounding of the
 * mean, so that large or offset data keep their precision.
 *
 * @throws InvalidValueError for a non-numeric value.
 */
export function stddev(bag: Bag, transform = 'stddev'): number | null {
  // Parsing numeric strings costs far more than 8 bytes a value: convert once, keep the numbers.
  const { values, weights }: Columns = {
    values: new Float64Array(bag.entries),
    weights: bag.unweighted ? undefined : new Float64Array(bag.entries),
  };
  const m = moments(bag, transform, { values, weights });
  if (!(m.weight > 0)) return null;
  if (m.min === m.max) return 0;
  const mu = boundedMean(m);
  const squares = new CompensatedSum();
  const deviations = new CompensatedSum();
  for (let i = 0; i < values.length; i++) {
    const w = weights === undefined ? 1 : weights[i]!;
    const d = values[i]! - mu;
    squares.add(w * d * d);
    deviations.add(w * d);
  }
  const dev = deviations.value;
  const variance = (squares.value - (dev * dev) / m.weight) / m.weight;
  return Math.sqrt(Math.max(variance, 0));
}

function extreme(bag: Bag, sign: 1 | -1): unknown {
  let best: Keyed | undefined;
  bag.forEach((value) => {
    const key = keyed(value);
    // Strictly better only: among equal values (0 and -0) the first one met wins.
    if (best === undefined || sign * compareKeyed(key, best) < 0) best = key;
  });
  return best === undefined ? null : best.value;
}

/**
 * The smallest value as stored, or `null` for an empty bag. Order: numbers first, compared
 * as numbers; then strings, numeric-looking ones too, by UTF-16 code unit (JS `<`, so
 * `'10' < '9'`); then anything else by JS `<`. Among equal values the first one wins.
 */
export function min(bag: Bag): unknown {
  return extreme(bag, 1);
}

/** The largest value as stored, or `null` for an empty bag; the order of {@link min}. */
export function max(bag: Bag): unknown {
  return extreme(bag, -1);
}
