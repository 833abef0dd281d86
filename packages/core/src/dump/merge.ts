import type { SeriesType } from '../transforms';
import { exactNumber } from './codecs';
import type { DumpData, ExactNumber } from './record';

/**
 * Merges the data of several buckets, given in time order, into one bucket's data: series
 * values in order, histogram counts summed, counts summed, sets united, the last gauge value
 * (`null` parts, rows that hold nothing, are left out).
 * Integer totals are summed exactly (as BigInt), so counts beyond 2^53 stay exact.
 */
export function mergeData(type: SeriesType, all: readonly (DumpData | null)[]): DumpData | null {
  // Rows that hold nothing add nothing; a unit made only of them holds nothing either.
  const parts = all.filter((part): part is DumpData => part !== null);
  if (parts.length === 0) return null;
  switch (type) {
    case 'series':
      return parts.flatMap((part) => part as string[]);
    case 'set':
      return [...new Set(parts.flatMap((part) => part as string[]))].sort((a, b) =>
        a < b ? -1 : a > b ? 1 : 0,
      );
    case 'gauge':
      return parts[parts.length - 1] as string;
    case 'count':
      return sum(parts as ExactNumber[]);
    case 'histogram': {
      const counts = new Map<string, ExactNumber[]>();
      for (const part of parts as Array<Array<[string, ExactNumber]>>) {
        for (const [value, n] of part) {
          const list = counts.get(value);
          if (list) list.push(n);
          else counts.set(value, [n]);
        }
      }
      return [...counts.keys()]
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map((value): [string, ExactNumber] => [value, sum(counts.get(value) as ExactNumber[])]);
    }
  }
}

const INTEGER = /^-?\d+$/;

function sum(numbers: readonly ExactNumber[]): ExactNumber {
  if (numbers.length === 1) return numbers[0] as ExactNumber;
  const texts = numbers.map(String);
  if (texts.every((text) => INTEGER.test(text))) {
    return exactNumber(texts.reduce((total, text) => total + BigInt(text), 0n).toString());
  }
  // Neumaier summation, as the write path coalesces float counts.
  let total = 0;
  let compensation = 0;
  for (const text of texts) {
    const n = Number(text);
    const t = total + n;
    compensation += Math.abs(total) >= Math.abs(n) ? total - t + n : n - t + total;
    total = t;
  }
  return total + compensation;
}
