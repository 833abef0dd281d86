import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BucketCalc, GregorianTime, RelativeTime } from '../../src/time';
import { utc } from './helpers';

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Europe/London',
  'Europe/Dublin', // negative DST in the tz data
  'Europe/Moscow',
  'Australia/Lord_Howe', // 30-minute DST
  'Australia/Adelaide',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Asia/Beirut', // DST at midnight
  'America/Santiago', // DST at midnight
  'America/Sao_Paulo',
  'America/Havana', // back from 01:00 to midnight
  'America/St_Johns',
  'Africa/Casablanca', // DST suspended for Ramadan
  'Pacific/Apia', // skipped a whole day
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Antarctica/Troll', // two-hour DST
];

const UNITS = ['daily', 'weekly', 'monthly', 'yearly'] as const;
const LOCAL_STEPS = [900, 1800, 3600, 2 * 3600, 6 * 3600, 86400, 3 * 86400];

const time = fc.double({
  min: utc('1900-01-01T00:00'),
  max: utc('2100-01-01T00:00'),
  noNaN: true,
  noDefaultInfinity: true,
});
const zone = fc.constantFrom(...ZONES);
const calendar = fc
  .tuple(fc.constantFrom(...UNITS), zone)
  .map(([unit, timezone]) => new GregorianTime(unit, { timezone }));
const localRelative = fc
  .tuple(fc.constantFrom(...LOCAL_STEPS), zone)
  .map(([step, timezone]) => new RelativeTime(step, { timezone, align: 'local' }));
const anyCalc = fc.oneof(calendar, localRelative);

/** Gaps of up to a few hours, so that pairs of times often straddle a change of offset. */
const gap = fc.double({ min: 0, max: 4 * 3600, noNaN: true });

function checkBucketOf(calc: BucketCalc, t: number): void {
  const b = calc.toBucket(t);
  const start = calc.fromBucket(b);
  const next = calc.fromBucket(calc.shift(b, 1));
  expect(start).toBeLessThanOrEqual(t);
  expect(t).toBeLessThan(next);
  expect(calc.toBucket(start)).toBe(b);
  expect(calc.size(b)).toBe(next - start);
}

describe('bucket calcs, properties over 1900–2100', () => {
  it('a time lies in its bucket, and the bucket start maps back to it', () => {
    fc.assert(
      fc.property(anyCalc, time, (calc, t) => checkBucketOf(calc, t)),
      { numRuns: 3000 },
    );
  });

  it('buckets never go back in time', () => {
    fc.assert(
      fc.property(anyCalc, time, gap, (calc, t, d) => {
        expect(calc.toBucket(t)).toBeLessThanOrEqual(calc.toBucket(t + d));
      }),
      { numRuns: 3000 },
    );
  });

  it('a walk through a day never skips or repeats a non-empty bucket', () => {
    fc.assert(
      fc.property(anyCalc, time, (calc, t) => {
        let b = calc.toBucket(t);
        for (let s = t; s < t + 86400; s += 600) {
          const next = calc.toBucket(s);
          if (next === b) continue;
          // The bucket after b that holds time is the next one met, after empty ones only.
          let expected = calc.shift(b, 1);
          while (calc.size(expected) === 0) expected = calc.shift(expected, 1);
          expect(next).toBe(expected);
          b = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shifting there and back is the identity, and shift keeps the order', () => {
    fc.assert(
      fc.property(anyCalc, time, fc.integer({ min: -120, max: 120 }), (calc, t, n) => {
        const b = calc.toBucket(t);
        const moved = calc.shift(b, n);
        expect(calc.shift(moved, -n)).toBe(b);
        expect(Math.sign(moved - b)).toBe(Math.sign(n));
        expect(calc.fromBucket(moved) - calc.fromBucket(b)).toSatisfy((x: number) =>
          n > 0 ? x > 0 : n < 0 ? x < 0 : x === 0,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('epoch-aligned relative buckets are floor(t / step) in every zone', () => {
    const anyTime = fc.oneof(time, fc.double({ min: -1, max: 1, noNaN: true }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * 86400 }), zone, anyTime, (step, timezone, t) => {
        const calc = new RelativeTime(step, { timezone });
        const b = calc.toBucket(t);
        expect(Number.isSafeInteger(b) && !Object.is(b, -0)).toBe(true);
        expect(b * step).toBeLessThanOrEqual(t);
        expect((b + 1) * step).toBeGreaterThan(t);
        expect(calc.fromBucket(b)).toBe(b * step);
      }),
      { numRuns: 2000 },
    );
  });
});
