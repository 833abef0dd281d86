import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors';
import { bucketRange, RelativeTime } from '../../src/time';
import { DAY, HOUR, iso, utc } from './helpers';

describe('RelativeTime, epoch alignment', () => {
  const minute = new RelativeTime(60);

  it.each([
    [0, 0],
    [59.999, 0],
    [60, 1],
    [125.5, 2],
    [-0.5, -1],
    [-60, -1],
    [-60.001, -2],
    [-86400 * 365 * 70 - 30, -36792001],
    [-5e-324, -1], // t / 60 underflows to -0
    [-0, 0],
  ])('t=%d is in bucket %d', (t, bucket) => {
    expect(minute.toBucket(t)).toBe(bucket); // toBe tells 0 from -0
  });

  it('maps buckets back to their start, shifts by ids and has a fixed size', () => {
    expect(minute.fromBucket(2)).toBe(120);
    expect(minute.fromBucket(-1)).toBe(-60);
    expect(minute.shift(10, 5)).toBe(15);
    expect(minute.shift(10, -12)).toBe(-2);
    expect(minute.size(-7)).toBe(60);
    expect(minute.step).toEqual({ kind: 'relative', seconds: 60 });
  });

  it('keeps the epoch alignment in any time zone by default', () => {
    const hour = new RelativeTime(HOUR, { timezone: 'Asia/Kolkata' });
    const t = utc('2024-06-01T12:34:56');
    expect(hour.toBucket(t)).toBe(Math.floor(t / HOUR));
    expect(iso(hour.fromBucket(hour.toBucket(t)))).toBe('2024-06-01T12:00:00Z');
    expect(hour.size(0)).toBe(HOUR);
  });

  it('lists ranges of consecutive ids', () => {
    expect(bucketRange(minute, -2, 2)).toEqual([-2, -1, 0, 1, 2]);
    expect(bucketRange(minute, 3, 3)).toEqual([3]);
    expect(bucketRange(minute, 4, 3)).toEqual([]);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects a step of %d', (s) => {
    expect(() => new RelativeTime(s)).toThrow(ConfigError);
  });

  it('rejects a bad zone or alignment', () => {
    expect(() => new RelativeTime(60, { timezone: 'Mars/Olympus_Mons' })).toThrow(ConfigError);
    expect(() => new RelativeTime(60, { timezone: 'Mars/Olympus_Mons' })).toThrow(
      /timezone .*"Mars\/Olympus_Mons"/,
    );
    // @ts-expect-error: testing a value from untyped options
    expect(() => new RelativeTime(60, { align: 'utc' })).toThrow(/align .*"utc"/);
  });
});

describe("RelativeTime, align: 'local'", () => {
  /** Every `every` seconds from `from` to `to`: [instant, bucket]. */
  function walk(calc: RelativeTime, from: number, to: number, every: number): number[] {
    const ids: number[] = [];
    for (let t = from; t < to; t += every) ids.push(calc.toBucket(t));
    return ids;
  }
  function expectNonDecreasing(ids: number[]): void {
    for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThanOrEqual(ids[i - 1] ?? 0);
  }

  it('is the epoch alignment in UTC', () => {
    const day = new RelativeTime(DAY, { align: 'local' });
    expect(day.toBucket(utc('2024-01-02T03:00'))).toBe(19724);
    expect(day.fromBucket(19724)).toBe(19724 * DAY);
  });

  it('starts 1d buckets at local midnight, with 23 h and 25 h days at DST changes', () => {
    const day = new RelativeTime(DAY, { timezone: 'Europe/Berlin', align: 'local' });
    const spring = day.toBucket(utc('2024-03-31T12:00'));
    expect(iso(day.fromBucket(spring))).toBe('2024-03-30T23:00:00Z');
    expect(day.size(spring)).toBe(23 * HOUR);
    expect(day.toBucket(utc('2024-03-30T22:59:59'))).toBe(spring - 1);
    expect(day.toBucket(utc('2024-03-30T23:00'))).toBe(spring);
    const fall = day.toBucket(utc('2024-10-27T12:00'));
    expect(iso(day.fromBucket(fall))).toBe('2024-10-26T22:00:00Z');
    expect(day.size(fall)).toBe(25 * HOUR);
    expect(fall - spring).toBe(210);
  });

  it('starts 1d buckets at local midnight in half- and quarter-hour zones', () => {
    const kolkata = new RelativeTime(DAY, { timezone: 'Asia/Kolkata', align: 'local' });
    expect(iso(kolkata.fromBucket(kolkata.toBucket(utc('2024-01-01T10:00'))))).toBe(
      '2023-12-31T18:30:00Z',
    );
    const kathmandu = new RelativeTime(6 * HOUR, { timezone: 'Asia/Kathmandu', align: 'local' });
    const b = kathmandu.toBucket(utc('2024-01-01T00:00'));
    expect(iso(kathmandu.fromBucket(b))).toBe('2023-12-31T18:15:00Z');
    expect(iso(kathmandu.fromBucket(b + 1))).toBe('2024-01-01T00:15:00Z');
  });

  it('keeps the repeated hour of a fall-back in one bucket (New York, 1h)', () => {
    const hour = new RelativeTime(HOUR, { timezone: 'America/New_York', align: 'local' });
    // 2024-11-03: 01:00–02:00 local happens at 05:00Z (EDT) and again at 06:00Z (EST).
    const ids = walk(hour, utc('2024-11-03T03:00'), utc('2024-11-03T09:00'), 600);
    expectNonDecreasing(ids);
    const one = hour.toBucket(utc('2024-11-03T05:00'));
    expect(hour.toBucket(utc('2024-11-03T06:59:59'))).toBe(one);
    expect(hour.toBucket(utc('2024-11-03T04:59:59'))).toBe(one - 1);
    expect(hour.toBucket(utc('2024-11-03T07:00'))).toBe(one + 1);
    expect(iso(hour.fromBucket(one))).toBe('2024-11-03T05:00:00Z');
    expect(hour.size(one)).toBe(2 * HOUR);
    expect(new Set(ids).size).toBe(ids.at(-1)! - ids[0]! + 1); // no id skipped
  });

  it('counts a boundary inside the repeated span at its second occurrence (30 min step)', () => {
    const half = new RelativeTime(1800, { timezone: 'America/New_York', align: 'local' });
    const ids = walk(half, utc('2024-11-03T04:00'), utc('2024-11-03T08:00'), 60);
    expectNonDecreasing(ids);
    const b = half.toBucket(utc('2024-11-03T05:00')); // 01:00 EDT
    expect(half.toBucket(utc('2024-11-03T05:45'))).toBe(b); // 01:45 EDT: wall goes back to 01:00
    expect(half.toBucket(utc('2024-11-03T06:29:59'))).toBe(b); // 01:29:59 EST
    expect(half.toBucket(utc('2024-11-03T06:30'))).toBe(b + 1); // 01:30 EST
    expect(half.size(b)).toBe(5400);
    expect(iso(half.fromBucket(b + 1))).toBe('2024-11-03T06:30:00Z');
    expect(half.size(b + 1)).toBe(1800);
  });

  it('gives the skipped hour of a spring-forward size 0 and keeps ids consecutive', () => {
    const hour = new RelativeTime(HOUR, { timezone: 'America/New_York', align: 'local' });
    const one = hour.toBucket(utc('2024-03-10T06:00')); // 01:00 EST
    const skipped = one + 1; // 02:00 local does not exist
    expect(hour.toBucket(utc('2024-03-10T06:59:59'))).toBe(one);
    expect(hour.toBucket(utc('2024-03-10T07:00'))).toBe(one + 2); // 03:00 EDT
    expect(hour.size(one)).toBe(HOUR);
    expect(hour.size(skipped)).toBe(0);
    expect(hour.fromBucket(skipped)).toBe(utc('2024-03-10T07:00'));
    expect(hour.size(one + 2)).toBe(HOUR);
    expect(bucketRange(hour, one, one + 2)).toEqual([one, skipped, one + 2]);
  });

  it('handles the 30-minute shifts of Australia/Lord_Howe', () => {
    const hour = new RelativeTime(HOUR, { timezone: 'Australia/Lord_Howe', align: 'local' });
    // 2024-10-06 02:00 (+10:30) becomes 02:30 (+11): the 02:00 bucket is 30 minutes long.
    const two = hour.toBucket(utc('2024-10-05T15:30'));
    expect(iso(hour.fromBucket(two))).toBe('2024-10-05T15:30:00Z');
    expect(hour.size(two)).toBe(1800);
    expect(hour.size(two - 1)).toBe(HOUR);
    // 2024-04-07 02:00 (+11) goes back to 01:30 (+10:30): the 01:00 bucket is 90 minutes long.
    const one = hour.toBucket(utc('2024-04-06T14:00'));
    expect(hour.size(one)).toBe(5400);
    expect(hour.toBucket(utc('2024-04-06T15:29:59'))).toBe(one);
    expect(hour.toBucket(utc('2024-04-06T15:30'))).toBe(one + 1);
    expectNonDecreasing(walk(hour, utc('2024-04-06T12:00'), utc('2024-04-06T18:00'), 60));
  });
});
