import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors';
import { bucketCalc, bucketRange, GregorianTime, parseStep } from '../../src/time';
import { DAY, iso, utc } from './helpers';

const daily = new GregorianTime('daily');
const weekly = new GregorianTime('weekly');
const monthly = new GregorianTime('monthly');
const yearly = new GregorianTime('yearly');

describe('GregorianTime in UTC', () => {
  it.each([
    ['2020-12-31T12:00', 202053],
    ['2021-01-03T23:59:59', 202053],
    ['2021-01-04T00:00', 202101],
    ['2024-12-29T00:00', 202452],
    ['2024-12-30T00:00', 202501],
    ['2026-01-01T00:00', 202601],
    ['2027-01-01T00:00', 202653],
    ['2015-12-31T00:00', 201553],
    ['2016-01-03T00:00', 201553],
    ['2019-12-30T00:00', 202001],
    ['1969-12-31T00:00', 197001],
    ['1969-12-28T23:59', 196952],
  ])('%s is in ISO week %d', (time, week) => {
    expect(weekly.toBucket(utc(time))).toBe(week);
  });

  it('starts ISO weeks on Monday and steps across week 53 and year ends', () => {
    expect(iso(weekly.fromBucket(202053))).toBe('2020-12-28T00:00:00Z');
    expect(iso(weekly.fromBucket(202101))).toBe('2021-01-04T00:00:00Z');
    expect(iso(weekly.fromBucket(202501))).toBe('2024-12-30T00:00:00Z');
    expect(weekly.shift(202052, 1)).toBe(202053);
    expect(weekly.shift(202053, 1)).toBe(202101);
    expect(weekly.shift(202101, -1)).toBe(202053);
    expect(weekly.shift(202452, 1)).toBe(202501);
    expect(weekly.shift(202001, 53 + 52)).toBe(202201);
    expect(weekly.shift(202201, -105)).toBe(202001);
    expect(weekly.size(202053)).toBe(7 * DAY);
    expect(bucketRange(weekly, 202051, 202102)).toEqual([202051, 202052, 202053, 202101, 202102]);
  });

  it('handles days, leap days and negative times', () => {
    expect(daily.toBucket(utc('2024-02-29T23:59:59.5'))).toBe(20240229);
    expect(daily.toBucket(utc('2024-03-01T00:00'))).toBe(20240301);
    expect(daily.toBucket(-0.001)).toBe(19691231);
    expect(daily.toBucket(utc('1900-03-01T00:00'))).toBe(19000301);
    expect(daily.shift(20240228, 1)).toBe(20240229);
    expect(daily.shift(20230228, 1)).toBe(20230301);
    expect(daily.shift(21000228, 1)).toBe(21000301); // 2100 is not a leap year
    expect(daily.shift(20000228, 1)).toBe(20000229); // 2000 is
    expect(daily.shift(20241231, 1)).toBe(20250101);
    expect(daily.shift(20250101, -1)).toBe(20241231);
    expect(daily.shift(20240101, 366)).toBe(20250101);
    expect(daily.shift(19700101, -1)).toBe(19691231);
    expect(daily.fromBucket(19691231)).toBe(-DAY);
    expect(iso(daily.fromBucket(20240229))).toBe('2024-02-29T00:00:00Z');
    expect(daily.size(20240229)).toBe(DAY);
    expect(bucketRange(daily, 20240227, 20240302)).toEqual([
      20240227, 20240228, 20240229, 20240301, 20240302,
    ]);
  });

  it.each([
    [202301, 31],
    [202302, 28],
    [202402, 29],
    [190002, 28],
    [200002, 29],
    [202404, 30],
    [202412, 31],
  ])('month %d has %d days', (month, days) => {
    expect(monthly.size(month)).toBe(days * DAY);
  });

  it('shifts months and years across year ends by ±N', () => {
    expect(monthly.toBucket(utc('2024-12-31T23:59:59'))).toBe(202412);
    expect(iso(monthly.fromBucket(202403))).toBe('2024-03-01T00:00:00Z');
    expect(monthly.shift(202412, 1)).toBe(202501);
    expect(monthly.shift(202401, -1)).toBe(202312);
    expect(monthly.shift(202411, 14)).toBe(202601);
    expect(monthly.shift(202402, -26)).toBe(202112);
    expect(monthly.shift(197001, -1)).toBe(196912);
    expect(bucketRange(monthly, 202411, 202502)).toEqual([202411, 202412, 202501, 202502]);
    expect(yearly.toBucket(utc('2024-12-31T23:59:59'))).toBe(2024);
    expect(yearly.shift(2024, -30)).toBe(1994);
    expect(yearly.size(2024)).toBe(366 * DAY);
    expect(yearly.size(2023)).toBe(365 * DAY);
    expect(yearly.fromBucket(1969)).toBe(-365 * DAY);
  });

  it('is what bucketCalc builds for a calendar step', () => {
    const calc = bucketCalc(parseStep('monthly', 'step'));
    expect(calc).toBeInstanceOf(GregorianTime);
    expect(calc.step).toEqual({ kind: 'calendar', unit: 'monthly' });
    expect(calc.toBucket(utc('2024-02-10T00:00'))).toBe(202402);
    expect(bucketCalc(parseStep('1h', 'step')).toBucket(7200)).toBe(2);
  });

  it('rejects an unknown unit', () => {
    // @ts-expect-error: testing a value from untyped options
    expect(() => new GregorianTime('hourly')).toThrow(ConfigError);
  });
});
