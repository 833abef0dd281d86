import { InvalidValueError } from '../errors';

/** A value found in a bucket; a box, so that a stored `undefined` is still a value. */
export interface Found {
  readonly value: unknown;
}

/**
 * A bucket of a collection type seen as values with weights, so that every statistic is
 * written once: a series and a set weigh each value 1, a histogram weighs each value by its
 * count. Weights are never expanded, so a histogram count of 10^15 costs one step.
 */
export interface Bag {
  /** How many entries {@link Bag.forEach} visits (the length of a series). */
  readonly entries: number;
  /** Whether every weight is 1, which lets numeric code skip weight arrays. */
  readonly unweighted: boolean;
  /** Calls `visit` for every entry with a positive weight, in the order the data holds. */
  forEach(visit: (value: unknown, weight: number) => void): void;
  /** The first entry in that order, or `undefined` when the bag is empty. */
  first(): Found | undefined;
  /** The last entry in that order, or `undefined` when the bag is empty. */
  last(): Found | undefined;
}

/** A series: `R[]` in arrival order, every weight 1. */
export function seriesBag(values: readonly unknown[]): Bag {
  return {
    entries: values.length,
    unweighted: true,
    forEach(visit) {
      for (let i = 0; i < values.length; i++) visit(values[i], 1);
    },
    first: () => (values.length > 0 ? { value: values[0] } : undefined),
    last: () => (values.length > 0 ? { value: values[values.length - 1] } : undefined),
  };
}

/** A set: `Set<R>` in its iteration order (the order values were added), every weight 1. */
export function setBag(values: ReadonlySet<unknown>): Bag {
  return {
    entries: values.size,
    unweighted: true,
    forEach(visit) {
      for (const value of values) visit(value, 1);
    },
    first() {
      for (const value of values) return { value };
      return undefined;
    },
    last() {
      let found: Found | undefined;
      for (const value of values) found = { value };
      return found;
    },
  };
}

/**
 * A histogram: `Map<R, count>` in the Map's iteration order, each value weighing its count.
 * An entry whose count is not positive holds no occurrences and is skipped: Redis only has
 * such counts when a hash was edited by hand (HINCRBY by a negative amount), and a negative
 * weight means nothing to a mean or a quantile.
 *
 * @throws InvalidValueError when a count is not a number.
 */
export function histogramBag(histogram: ReadonlyMap<unknown, unknown>): Bag {
  let entries = 0;
  for (const count of histogram.values()) {
    if (typeof count !== 'number') {
      throw new InvalidValueError(`a histogram count must be a number, got ${typeof count}`);
    }
    if (count > 0) entries++;
  }
  // Checked above: every count is a number.
  const counts = histogram as ReadonlyMap<unknown, number>;
  return {
    entries,
    unweighted: false,
    forEach(visit) {
      for (const [value, count] of counts) if (count > 0) visit(value, count);
    },
    first() {
      for (const [value, count] of counts) if (count > 0) return { value };
      return undefined;
    },
    last() {
      let found: Found | undefined;
      for (const [value, count] of counts) if (count > 0) found = { value };
      return found;
    },
  };
}
