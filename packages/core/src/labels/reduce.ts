import { describe, InvalidValueError } from '../errors';
import { CompensatedSum } from '../transforms';
import type { Reduction } from './selector';

/**
 * Reduces per-name results (Maps keyed by time, of Maps by time when `nested`) into one: at
 * each time present in any of them, the non-null values reduced; sum, min, max and mean
 * of no value are null, count is 0.
 */
export function reduceResults(
  results: readonly Map<number, unknown>[],
  reduction: Reduction,
  nested: boolean,
): Map<number, unknown> {
  const times = new Set<number>();
  for (const result of results) for (const time of result.keys()) times.add(time);
  const out = new Map<number, unknown>();
  for (const time of [...times].sort((a, b) => a - b)) {
    const values = results.map((result) => result.get(time));
    out.set(
      time,
      nested
        ? reduceResults(
            values.filter((value): value is Map<number, unknown> => value instanceof Map),
            reduction,
            false,
          )
        : reduceValues(values, reduction),
    );
  }
  return out;
}

function reduceValues(values: readonly unknown[], reduction: Reduction): number | null {
  const numbers: number[] = [];
  for (const value of values) {
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number') {
      throw new InvalidValueError(
        `reduce '${reduction}' needs a number per name and time; got ${describe(value)} (add a transform such as 'mean' or 'count')`,
      );
    }
    numbers.push(value);
  }
  if (reduction === 'count') return numbers.length;
  if (numbers.length === 0) return null;
  if (reduction === 'min') return numbers.reduce((a, b) => Math.min(a, b));
  if (reduction === 'max') return numbers.reduce((a, b) => Math.max(a, b));
  const sum = new CompensatedSum();
  for (const n of numbers) sum.add(n);
  return reduction === 'sum' ? sum.value : sum.value / numbers.length;
}
