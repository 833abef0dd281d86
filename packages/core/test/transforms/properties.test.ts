import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTransform } from '../../src/transforms';

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const values = fc.array(value, { minLength: 1, maxLength: 60 });
const histogram = fc
  .uniqueArray(fc.tuple(value, fc.integer({ min: 1, max: 25 })), {
    minLength: 1,
    maxLength: 25,
    // Object.is: 0 and -0 are different Map keys only by SameValueZero, so keep one of them.
    selector: ([v]) => (v === 0 ? 0 : v),
  })
  .map((entries) => new Map(entries));
const percent = fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10);

function expand(h: Map<number, number>): number[] {
  const out: number[] = [];
  for (const [v, count] of h) for (let i = 0; i < count; i++) out.push(v);
  return out;
}

/** Close within a few roundings of numbers as large as `scale`. */
function near(actual: unknown, expected: number, scale: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * (1 + scale));
}

const magnitude = (xs: number[]) => xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

/** The textbook R-7 quantile of an expanded, sorted copy. */
function referenceQuantile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

const q = (xs: unknown, p: number, type: 'series' | 'histogram' = 'series') =>
  applyTransform(type, `p${p}`, xs, 1) as number;

describe('properties', () => {
  it('a histogram gives the same results as its expanded series', () => {
    fc.assert(
      fc.property(histogram, percent, fc.double({ min: 0.5, max: 1e4, noNaN: true }), (h, p, d) => {
        const series = expand(h);
        const scale = magnitude(series);
        for (const name of ['count', 'min', 'max', 'first', 'last']) {
          expect(applyTransform('histogram', name, h, d)).toBe(
            applyTransform('series', name, series, d),
          );
        }
        for (const name of ['sum', 'mean', 'stddev']) {
          near(
            applyTransform('histogram', name, h, d),
            applyTransform('series', name, series, d) as number,
            scale * series.length,
          );
        }
        for (const name of ['median', `p${p}`]) {
          near(
            applyTransform('histogram', name, h, d),
            applyTransform('series', name, series, d) as number,
            scale,
          );
        }
        const rates = applyTransform('histogram', 'rate', h, d) as Map<number, number>;
        expect([...rates.keys()]).toEqual([...h.keys()]);
        for (const [v, count] of h) expect(rates.get(v)).toBe(count / d);
      }),
    );
  });

  it('quantiles match the textbook R-7 definition', () => {
    fc.assert(
      fc.property(values, percent, (xs, p) => {
        near(q(xs, p), referenceQuantile(xs, p), magnitude(xs));
      }),
    );
  });

  it('min ≤ p0 ≤ median ≤ p100 ≤ max, and p0/p100 are min/max', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const lo = applyTransform('series', 'min', xs, 1) as number;
        const hi = applyTransform('series', 'max', xs, 1) as number;
        const median = applyTransform('series', 'median', xs, 1) as number;
        // min/max return the first of equal values met, so of -0 and 0 either sign may win;
        // quantiles are computed numbers, where the sign of zero carries no meaning.
        expect(q(xs, 0) + 0).toBe(lo + 0);
        expect(q(xs, 100) + 0).toBe(hi + 0);
        expect(lo).toBeLessThanOrEqual(median);
        expect(median).toBeLessThanOrEqual(hi);
        expect(median).toBe(q(xs, 50));
      }),
    );
  });

  it('pN is monotone in N', () => {
    fc.assert(
      fc.property(fc.oneof(values, histogram), percent, percent, (data, a, b) => {
        const type = Array.isArray(data) ? 'series' : 'histogram';
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(q(data, low, type)).toBeLessThanOrEqual(q(data, high, type));
      }),
    );
  });

  it('the mean lies within [min, max] and the stddev within [0, (max − min) / 2]', () => {
    fc.assert(
      fc.property(fc.oneof(values, histogram), (data) => {
        const type = Array.isArray(data) ? 'series' : 'histogram';
        const lo = applyTransform(type, 'min', data, 1) as number;
        const hi = applyTransform(type, 'max', data, 1) as number;
        const mean = applyTransform(type, 'mean', data, 1) as number;
        const sd = applyTransform(type, 'stddev', data, 1) as number;
        expect(mean).toBeGreaterThanOrEqual(lo);
        expect(mean).toBeLessThanOrEqual(hi);
        expect(sd).toBeGreaterThanOrEqual(0);
        expect(sd).toBeLessThanOrEqual((hi - lo) / 2 + 1e-9 * (1 + magnitude([lo, hi])));
      }),
    );
  });

  it('numbers written as strings give the same statistics', () => {
    fc.assert(
      fc.property(values, percent, (signed, p) => {
        // String(-0) is '0': the sign of zero cannot survive the round trip.
        const xs = signed.map((x) => x + 0);
        const strings = xs.map(String);
        for (const name of ['sum', 'mean', 'stddev', `p${p}`, 'count']) {
          expect(applyTransform('series', name, strings, 1)).toBe(
            applyTransform('series', name, xs, 1),
          );
        }
        // min, max and median keep the strings and order them by code unit.
        const byCodeUnit = [...strings].sort();
        expect(applyTransform('series', 'min', strings, 1)).toBe(byCodeUnit[0]);
        expect(applyTransform('series', 'max', strings, 1)).toBe(byCodeUnit.at(-1));
        expect(applyTransform('series', 'median', strings, 1)).toBe(
          byCodeUnit[Math.floor((strings.length - 1) / 2)],
        );
      }),
    );
  });

  it('a set gives the results of the series of its values', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const set = new Set(xs);
        const series = [...set];
        for (const name of [
          'count',
          'sum',
          'mean',
          'min',
          'max',
          'first',
          'last',
          'median',
          'stddev',
          'p90',
        ]) {
          expect(applyTransform('set', name, set, 1)).toBe(
            applyTransform('series', name, series, 1),
          );
        }
      }),
    );
  });

  it('min, max and median agree with a sort in the documented order', () => {
    const words = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', 'é', ' ', '-', '.', '1', '9') });
    const mixed = fc.array(
      fc.oneof(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -50, max: 50 }).map(String),
        words,
      ),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(mixed, (xs) => {
        // Numbers first, numerically; then strings, numeric-looking ones too, by JS `<`.
        const sorted = [...xs].sort((a, b) => {
          if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
          if (typeof a === 'number') return a - (b as number);
          return a < b ? -1 : b < a ? 1 : 0;
        });
        expect(applyTransform('series', 'min', xs, 1)).toBe(sorted[0]);
        expect(applyTransform('series', 'max', xs, 1)).toBe(sorted[sorted.length - 1]);
        const median = applyTransform('series', 'median', xs, 1);
        if (xs.every((x) => typeof x === 'number')) {
          expect(median).toBe(referenceQuantile(xs as number[], 50));
        } else {
          expect(median).toBe(sorted[Math.floor((xs.length - 1) / 2)]);
        }
      }),
    );
  });
});
