import { describe, expect, it } from 'vitest';
import { applyTransform } from '../../src/transforms';

describe('precision', () => {
  it('stddev of a constant is exactly 0 and its mean exactly the constant', () => {
    for (const c of [0.1, 1 / 3, -7.25, 1e300, 5e-324]) {
      const series = Array.from({ length: 1001 }, () => c);
      expect(applyTransform('series', 'stddev', series, 1)).toBe(0);
      expect(applyTransform('series', 'mean', series, 1)).toBe(c);
      const histogram = new Map([[c, 123_456_789]]);
      expect(applyTransform('histogram', 'stddev', histogram, 1)).toBe(0);
      expect(applyTransform('histogram', 'mean', histogram, 1)).toBe(c);
    }
  });

  it('stddev of one value is 0 (population form)', () => {
    expect(applyTransform('series', 'stddev', [42], 1)).toBe(0);
    expect(applyTransform('series', 'stddev', [1, 3], 1)).toBe(1);
  });

  it('sums a million tenths without drift', () => {
    const series = Array.from({ length: 1_000_000 }, () => 0.1);
    expect(applyTransform('series', 'sum', series, 1)).toBe(100_000);
    expect(applyTransform('series', 'mean', series, 1)).toBe(0.1);
  });

  it('keeps small values next to huge ones', () => {
    expect(applyTransform('series', 'sum', [1e16, 1, -1e16, 1], 1)).toBe(2);
    expect(applyTransform('series', 'sum', ['1e100', '1', '-1e100'], 1)).toBe(1);
  });

  it('keeps the stddev of data far from zero', () => {
    const offset = 1e9;
    const series = [4, 7, 13, 16].map((x) => x + offset);
    // Population stddev of 4, 7, 13, 16: sqrt(90 / 4).
    expect(applyTransform('series', 'stddev', series, 1)).toBeCloseTo(Math.sqrt(22.5), 6);
    expect(applyTransform('series', 'mean', series, 1)).toBe(offset + 10);
  });
});
