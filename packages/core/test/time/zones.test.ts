import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors';
import {
  bucketRange,
  type CalendarUnit,
  GregorianTime,
  RelativeTime,
  validateTimeZone,
} from '../../src/time';
import { DAY, HOUR, iso, utc } from './helpers';

const daily = (timezone: string) => new GregorianTime('daily', { timezone });

describe('validateTimeZone', () => {
  it('returns the canonical name of a known zone', () => {
    expect(validateTimeZone('Europe/Berlin', 'timezone')).toBe('Europe/Berlin');
    expect(validateTimeZone('UTC', 'timezone')).toBe('UTC');
    expect(validateTimeZone('Etc/UTC', 'timezone')).toBe('UTC');
    expect(validateTimeZone('europe/berlin', 'timezone')).toBe('Europe/Berlin');
    expect(validateTimeZone('US/Eastern', 'timezone')).toBe('America/New_York');
  });

  it.each(['Mars/Olympus_Mons', '', 'Europe/Berlin ', 'EST5EDT6'])('rejects %j', (zone) => {
    const call = () => validateTimeZone(zone, 'interval "day" timezone');
    expect(call).toThrow(ConfigError);
    expect(call).toThrow(`interval "day" timezone must be an IANA time zone name; got "${zone}"`);
  });

  it('rejects a non-string', () => {
    expect(() => validateTimeZone(42 as unknown as string, 'tz')).toThrow('got 42');
  });

  it('makes the calcs reject an unknown zone', () => {
    expect(() => new GregorianTime('daily', { timezone: 'Nowhere/Land' })).toThrow(ConfigError);
  });
});

describe('calendar buckets across DST changes', () => {
  it.each([
    // zone, day, local midnight (UTC), hours in the day
    ['America/New_York', 20240310, '2024-03-10T05:00:00Z', 23],
    ['America/New_York', 20241103, '2024-11-03T04:00:00Z', 25],
    ['America/New_York', 20240704, '2024-07-04T04:00:00Z', 24],
    ['Europe/Berlin', 20240331, '2024-03-30T23:00:00Z', 23],
    ['Europe/Berlin', 20241027, '2024-10-26T22:00:00Z', 25],
    ['Australia/Lord_Howe', 20241006, '2024-10-05T13:30:00Z', 23.5],
    ['Australia/Lord_Howe', 20240407, '2024-04-06T13:00:00Z', 24.5],
    ['Asia/Kolkata', 20240101, '2023-12-31T18:30:00Z', 24],
    ['Asia/Kathmandu', 20240101, '2023-12-31T18:15:00Z', 24],
    // Nepal moved from +05:30 to +05:45 at the start of 1986.
    ['Asia/Kathmandu', 19860101, '1985-12-31T18:30:00Z', 23.75],
    // DST starting at midnight: the day starts at the first instant after it (01:00 local).
    ['America/Santiago', 20240908, '2024-09-08T04:00:00Z', 23],
    ['America/Santiago', 20240406, '2024-04-06T03:00:00Z', 25],
    ['Asia/Beirut', 20190331, '2019-03-30T22:00:00Z', 23],
    ['Asia/Beirut', 20191026, '2019-10-25T21:00:00Z', 25],
    // Cuba goes back from 01:00 to 00:00: the day starts at the first of two midnights.
    ['America/Havana', 20241103, '2024-11-03T04:00:00Z', 25],
    ['America/Havana', 20240310, '2024-03-10T05:00:00Z', 23],
    // Samoa skipped 2011-12-30 altogether.
    ['Pacific/Apia', 20111229, '2011-12-29T10:00:00Z', 24],
    ['Pacific/Apia', 20111230, '2011-12-30T10:00:00Z', 0],
    ['Pacific/Apia', 20111231, '2011-12-30T10:00:00Z', 24],
  ])('%s %d starts at %s and lasts %d h', (zone, day, start, hours) => {
    const calc = daily(zone);
    expect(iso(calc.fromBucket(day))).toBe(start);
    expect(calc.size(day)).toBe(hours * HOUR);
    if (hours > 0) {
      expect(calc.toBucket(calc.fromBucket(day))).toBe(day);
      // The instant before belongs to the previous day that exists.
      let previous = calc.shift(day, -1);
      if (calc.size(previous) === 0) previous = calc.shift(previous, -1);
      expect(calc.toBucket(calc.fromBucket(day) - 0.001)).toBe(previous);
    }
  });

  it('puts both passes of a repeated hour in the same day', () => {
    const calc = daily('America/Havana');
    expect(calc.toBucket(utc('2024-11-03T04:30'))).toBe(20241103); // 00:30 CDT
    expect(calc.toBucket(utc('2024-11-03T05:30'))).toBe(20241103); // 00:30 CST
    expect(calc.toBucket(utc('2024-11-03T03:59:59'))).toBe(20241102);
  });

  it('gives weeks, months and years their real lengths', () => {
    const tz = { timezone: 'America/New_York' };
    expect(new GregorianTime('weekly', tz).size(202410)).toBe(7 * DAY - HOUR);
    expect(new GregorianTime('monthly', tz).size(202411)).toBe(30 * DAY + HOUR);
    expect(new GregorianTime('yearly', tz).size(2024)).toBe(366 * DAY);
    expect(iso(new GregorianTime('yearly', tz).fromBucket(2025))).toBe('2025-01-01T05:00:00Z');
    const lh = new GregorianTime('monthly', { timezone: 'Australia/Lord_Howe' });
    expect(lh.size(202410)).toBe(31 * DAY - HOUR / 2);
  });

  it('uses historical offsets, seconds included', () => {
    // Before 1906 Kolkata kept Madras time, +05:21:10.
    expect(iso(daily('Asia/Kolkata').fromBucket(19000101))).toBe('1899-12-31T18:38:50Z');
    expect(daily('Asia/Kolkata').toBucket(utc('1899-12-31T18:38:50'))).toBe(19000101);
    expect(daily('Asia/Kolkata').toBucket(utc('1899-12-31T18:38:49'))).toBe(18991231);
  });
});

describe('round trip of every bucket of a year', () => {
  const zones = [
    'UTC',
    'America/New_York',
    'Europe/Berlin',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'America/Santiago',
    'America/Havana',
    'Pacific/Chatham',
    'America/St_Johns',
  ];
  const units: [CalendarUnit, number, number][] = [
    ['daily', 20231231, 20250101],
    ['weekly', 202352, 202501],
    ['monthly', 202312, 202501],
  ];

  for (const zone of zones) {
    it.each(units)(`${zone} %s`, (unit, first, last) => {
      const calc = new GregorianTime(unit, { timezone: zone });
      const ids = bucketRange(calc, first, last);
      let days = 0;
      for (const b of ids) {
        const start = calc.fromBucket(b);
        const next = calc.shift(b, 1);
        expect(calc.toBucket(start)).toBe(b);
        expect(calc.toBucket(start + calc.size(b) - 0.001)).toBe(b);
        expect(calc.fromBucket(next)).toBe(start + calc.size(b));
        expect(calc.shift(next, -1)).toBe(b);
        expect(calc.size(b)).toBeGreaterThan(0);
        days += Math.round(calc.size(b) / DAY);
      }
      // Ranges neither skip nor repeat a day: the lengths add up to the calendar span.
      const span = (calc.fromBucket(calc.shift(last, 1)) - calc.fromBucket(first)) / DAY;
      expect(days).toBe(Math.round(span));
      expect(new Set(ids).size).toBe(ids.length);
    });
  }

  it('1d local-aligned relative buckets match daily calendar buckets', () => {
    for (const zone of zones) {
      const rel = new RelativeTime(DAY, { timezone: zone, align: 'local' });
      const cal = daily(zone);
      for (let t = utc('2024-01-01T00:00'); t < utc('2025-01-01T00:00'); t += 5 * HOUR) {
        expect(rel.fromBucket(rel.toBucket(t))).toBe(cal.fromBucket(cal.toBucket(t)));
      }
    }
  });
});
