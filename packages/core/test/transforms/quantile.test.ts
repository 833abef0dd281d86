import { describe, expect, it } from 'vitest';
import { applyTransform } from '../../src/transforms';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('quantiles (R-7)', () => {
  it('p0 is the minimum and p100 the maximum', () => {
    const values = [5, -3, 12.5, 7, 0];
    expect(applyTransform('series', 'p0', values, 1)).toBe(-3);
    expect(applyTransform('series', 'p100', values, 1)).toBe(12.5);
  });

  it('p99.9 of 0 … 1000 lands exactly on 999', () => {
    expect(applyTransform('series', 'p99.9', range(1001), 1)).toBe(999);
    expect(applyTransform('series', 'p99.99', range(10001), 1)).toBe(9999);
  });

  it('interpolates between closest ranks', () => {
    // 0 … 9: h = 9 · p.
    expect(applyTransform('series', 'p50', range(10), 1)).toBe(4.5);
    expect(applyTransform('series', 'p95', range(10), 1)).toBeCloseTo(8.55, 12);
    expect(applyTransform('series', 'p99.9', range(10), 1)).toBeCloseTo(8.991, 12);
    expect(applyTransform('series', 'p10', [10, 20], 1)).toBe(11);
  });

  it('p50 is the median', () => {
    for (const values of [[1], [2, 1], [3, 1, 2], [4, 1, 3, 2], [9, 9, 1, 1, 5, 5]]) {
      expect(applyTransform('series', 'p50', values, 1)).toBe(
        applyTransform('series', 'median', values, 1),
      );
    }
  });

  it('of one value is that value', () => {
    for (const name of ['p0', 'p37.5', 'p100']) {
      expect(applyTransform('series', name, ['42'], 1)).toBe(42);
    }
    expect(applyTransform('series', 'median', [42], 1)).toBe(42);
    // A string is not a number for the median: it is the stored value.
    expect(applyTransform('series', 'median', ['42'], 1)).toBe('42');
  });

  it('stays finite between huge values of opposite signs', () => {
    const values = [-Number.MAX_VALUE, Number.MAX_VALUE];
    expect(applyTransform('series', 'p50', values, 1)).toBe(0);
    const p25 = applyTransform('series', 'p25', values, 1) as number;
    expect(p25 / (-Number.MAX_VALUE / 2)).toBeCloseTo(1, 12);
  });

  it('sorts numbers numerically, numeric strings included', () => {
    expect(applyTransform('series', 'p0', ['10', '9', '100'], 1)).toBe(9);
    expect(applyTransform('series', 'p50', ['10', '9', '100'], 1)).toBe(10);
    expect(applyTransform('series', 'median', [10, 9, 100], 1)).toBe(10);
  });
});

describe('median of non-numeric values', () => {
  it('is the lower middle value by code unit', () => {
    expect(applyTransform('series', 'median', ['b', 'a', 'c'], 1)).toBe('b');
    expect(applyTransform('series', 'median', ['d', 'b', 'a', 'c'], 1)).toBe('b');
    expect(applyTransform('set', 'median', new Set(['B', 'a', 'C']), 1)).toBe('C');
  });

  it('orders numbers before strings, numeric-looking strings by code unit', () => {
    // Order: '10', '100', '9'.
    expect(applyTransform('series', 'median', ['10', '9', '100'], 1)).toBe('100');
    // Order: 2, '10', '9', 'abc'.
    expect(applyTransform('series', 'median', ['10', '9', 'abc', 2], 1)).toBe('10');
    expect(applyTransform('series', 'median', ['abc', 'abd', 1], 1)).toBe('abc');
    // Order: 1, 3, '2'.
    expect(applyTransform('series', 'median', ['2', 3, 1], 1)).toBe(3);
  });

  it('takes the stored middle when a number has no mean (NaN, ±Infinity)', () => {
    expect(applyTransform('series', 'median', [1, Number.POSITIVE_INFINITY], 1)).toBe(1);
    expect(applyTransform('series', 'median', [Number.NEGATIVE_INFINITY, 1, 2], 1)).toBe(1);
    expect(applyTransform('series', 'median', [2, Number.NaN, 1], 1)).toBe(2);
  });

  it('returns the stored value', () => {
    expect(applyTransform('series', 'median', ['1', '2', 'x'], 1)).toBe('2');
  });
});
