import { describe, expect, it } from 'vitest';
import { applyTransform } from '../../src/transforms';

/** The series a histogram stands for: each value repeated `count` times, in Map order. */
function expand<R>(histogram: Map<R, number>): R[] {
  const values: R[] = [];
  for (const [value, count] of histogram) for (let i = 0; i < count; i++) values.push(value);
  return values;
}

const STATS = ['count', 'sum', 'mean', 'min', 'max', 'median', 'stddev'];
const QUANTILES = ['p0', 'p1', 'p10', 'p25', 'p33.3', 'p50', 'p75', 'p90', 'p99', 'p99.9', 'p100'];

describe('weighted by counts', () => {
  const histogram = new Map([
    [7, 3],
    [-2, 1],
    [0.5, 4],
    [100, 2],
    [3, 1],
  ]);
  const series = expand(histogram);

  it.each([...STATS, ...QUANTILES, 'first', 'last'])('%s matches the expanded series', (name) => {
    const weighted = applyTransform('histogram', name, histogram, 60);
    const expanded = applyTransform('series', name, series, 60);
    if (typeof expanded === 'number') expect(weighted).toBeCloseTo(expanded, 10);
    else expect(weighted).toEqual(expanded);
  });

  it('rate is a Map of per-value rates in the Map order', () => {
    expect(applyTransform('histogram', 'rate', histogram, 2)).toEqual(
      new Map([
        [7, 1.5],
        [-2, 0.5],
        [0.5, 2],
        [100, 1],
        [3, 0.5],
      ]),
    );
  });

  it('median of string values weighs them too', () => {
    const words = new Map([
      ['b', 1],
      ['a', 3],
      ['c', 1],
    ]);
    expect(applyTransform('histogram', 'median', words, 1)).toBe('a');
    expect(applyTransform('series', 'median', expand(words), 1)).toBe('a');
  });
});

describe('counts that hold no occurrences', () => {
  const histogram = new Map([
    [1, 2],
    [5, 0],
    [9, -1],
    [3, 2],
  ]);

  it('are skipped by statistics', () => {
    expect(applyTransform('histogram', 'count', histogram, 1)).toBe(4);
    expect(applyTransform('histogram', 'max', histogram, 1)).toBe(3);
    expect(applyTransform('histogram', 'mean', histogram, 1)).toBe(2);
    expect(applyTransform('histogram', 'p100', histogram, 1)).toBe(3);
    expect(applyTransform('histogram', 'last', histogram, 1)).toBe(3);
  });

  it('still appear in rate, which maps every entry as stored', () => {
    expect(applyTransform('histogram', 'rate', histogram, 2)).toEqual(
      new Map([
        [1, 1],
        [5, 0],
        [9, -0.5],
        [3, 1],
      ]),
    );
  });

  it('make an all-zero histogram an empty bucket', () => {
    const zero = new Map([[4, 0]]);
    expect(applyTransform('histogram', 'count', zero, 1)).toBe(0);
    expect(applyTransform('histogram', 'sum', zero, 1)).toBe(0);
    expect(applyTransform('histogram', 'mean', zero, 1)).toBeNull();
    expect(applyTransform('histogram', 'median', zero, 1)).toBeNull();
    expect(applyTransform('histogram', 'first', zero, 1)).toBeNull();
  });
});

describe('big counts are never expanded', () => {
  const big = new Map([
    [1, 1e15],
    [2, 1e15],
    [3, 1],
  ]);

  it('counts, sums and averages', () => {
    expect(applyTransform('histogram', 'count', big, 1)).toBe(2e15 + 1);
    expect(applyTransform('histogram', 'sum', big, 1)).toBe(3e15 + 3);
    expect(applyTransform('histogram', 'mean', big, 1)).toBeCloseTo(1.5, 12);
    expect(applyTransform('histogram', 'stddev', big, 1)).toBeCloseTo(0.5, 12);
  });

  it('finds quantiles by cumulative counts', () => {
    // 2e15 + 1 occurrences: rank 1e15 (the middle one) is the first 2.
    expect(applyTransform('histogram', 'median', big, 1)).toBe(2);
    expect(applyTransform('histogram', 'p0', big, 1)).toBe(1);
    expect(applyTransform('histogram', 'p49.9', big, 1)).toBe(1);
    expect(applyTransform('histogram', 'p99.9', big, 1)).toBe(2);
    expect(applyTransform('histogram', 'p100', big, 1)).toBe(3);
  });

  it('interpolates at the boundary between two huge runs', () => {
    // 2e15 occurrences: h = (2e15 − 1) / 2 falls between rank 1e15 − 1 (a 1) and 1e15 (a 2).
    const even = new Map([
      [1, 1e15],
      [2, 1e15],
    ]);
    expect(applyTransform('histogram', 'median', even, 1)).toBe(1.5);
  });

  it('rates per value', () => {
    expect(applyTransform('histogram', 'rate', big, 1e3)).toEqual(
      new Map([
        [1, 1e12],
        [2, 1e12],
        [3, 1e-3],
      ]),
    );
  });
});
