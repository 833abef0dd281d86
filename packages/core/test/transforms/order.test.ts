import { describe, expect, it } from 'vitest';
import { applyTransform } from '../../src/transforms';

const min = (values: unknown[]) => applyTransform('series', 'min', values, 1);
const max = (values: unknown[]) => applyTransform('series', 'max', values, 1);

describe('min and max', () => {
  it('compare numbers numerically', () => {
    expect(min([3, -7.5, 10, 2])).toBe(-7.5);
    expect(max([3, -7.5, 10, 2])).toBe(10);
    expect(max([1, Number.POSITIVE_INFINITY])).toBe(Number.POSITIVE_INFINITY);
    expect(min([1, Number.NEGATIVE_INFINITY])).toBe(Number.NEGATIVE_INFINITY);
  });

  it('compare strings by code unit', () => {
    expect(min(['b', 'B', 'a'])).toBe('B');
    expect(max(['b', 'B', 'a'])).toBe('b');
    expect(max(['ä', 'z'])).toBe('ä');
  });

  it('compare numeric-looking strings by code unit too', () => {
    expect(min(['9', '10'])).toBe('10');
    expect(max(['9', '10'])).toBe('9');
    expect(min(['2', '-1', '10'])).toBe('-1');
    expect(max(['1e3', '10', '100'])).toBe('1e3');
  });

  it('put numbers before all strings', () => {
    expect(min(['abc', 5, '10'])).toBe(5);
    expect(max(['abc', 5, '10'])).toBe('abc');
    expect(max([100, '2'])).toBe('2');
    expect(min(['', '3'])).toBe('');
    expect(min(['1', 1, '1.0'])).toBe(1);
    expect(max(['1', 1, '1.0'])).toBe('1.0');
  });

  it('keep the first of equal values', () => {
    expect(min([0, -0])).toBe(0);
    expect(min([-0, 0])).toBe(-0);
    const a = new Date(1000);
    const b = new Date(1000);
    expect(max([a, b])).toBe(a);
    expect(min([b, a])).toBe(b);
  });

  it('compare other values with JS `<` after all numbers and strings', () => {
    const early = new Date(1000);
    const late = new Date(2000);
    expect(min([late, early])).toBe(early);
    expect(max([late, early])).toBe(late);
    expect(max([3n, 10n, 2n])).toBe(10n);
    expect(max([late, 'z', 1])).toBe(late);
    expect(min([late, 'z', 1])).toBe(1);
  });

  it('rank NaN with the other values, never among the numbers', () => {
    expect(min([Number.NaN, 3, 1])).toBe(1);
  });

  it('work on sets and histograms', () => {
    expect(applyTransform('set', 'min', new Set(['10', '9', 'x']), 1)).toBe('10');
    const histogram = new Map([
      ['10', 5],
      ['9', 1],
    ]);
    expect(applyTransform('histogram', 'max', histogram, 1)).toBe('9');
    expect(applyTransform('histogram', 'min', histogram, 1)).toBe('10');
  });
});
