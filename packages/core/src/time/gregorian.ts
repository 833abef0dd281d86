import { ConfigError, describe } from '../errors';
import type { BucketCalc, CalcOptions } from './calc';
import { civilFromDays, DAY, daysFromCivil, isoWeekOf, isoWeekOneMonday, mod } from './civil';
import { resolveOptions } from './options';
import type { CalendarUnit, ParsedStep } from './parse-step';
import type { Zone } from './zone';

/**
 * Buckets of local calendar days, ISO weeks, months or years in a time zone (UTC by default).
 *
 * Ids are the local date as an integer: daily `YYYYMMDD`, weekly `YYYYWW` (ISO-8601
 * week-year and week, weeks start on Monday: 2024-12-30 is in `202501`), monthly `YYYYMM`,
 * yearly `YYYY`. A bucket starts at local midnight of its first day; when that midnight does
 * not exist (DST starting at midnight, as in America/Santiago) it starts at the first instant
 * after it, and when the clock goes back to exactly midnight it starts at the first of the two
 * (when it goes back across midnight, at the second, so that ids never decrease in time).
 * `size` is the real length: 23 or 25 h on DST days, 28–31 days for months. A local day that
 * a zone skipped altogether (Pacific/Apia, 2011-12-30) is a bucket of size 0.
 *
 * In UTC everything is integer arithmetic; in other zones offsets come from `Intl` and are
 * cached. Ids that are not real dates (20240230) roll over arithmetically (to 2024-03-01);
 * years are expected in 1…9999 for ids to be well formed.
 *
 * @example
 * const weekly = new GregorianTime('weekly');
 * weekly.toBucket(Date.UTC(2021, 0, 3) / 1000);   // 202053
 * weekly.shift(202053, 1);                          // 202101
 * const daily = new GregorianTime('daily', { timezone: 'America/New_York' });
 * daily.size(20240310) / 3600;                      // 23
 */
export class GregorianTime implements BucketCalc {
  readonly step: ParsedStep;
  private readonly unit: CalendarUnit;
  private readonly zone: Zone;
  private lastDay = Number.NaN;
  private lastId = Number.NaN;

  constructor(unit: CalendarUnit, options?: CalcOptions) {
    if (unit !== 'daily' && unit !== 'weekly' && unit !== 'monthly' && unit !== 'yearly') {
      throw new ConfigError(
        `GregorianTime unit must be daily, weekly, monthly or yearly; got ${describe(unit)}`,
      );
    }
    this.unit = unit;
    this.step = { kind: 'calendar', unit };
    this.zone = resolveOptions(options).zone;
  }

  toBucket(t: number): number {
    // Whole seconds keep the arithmetic exact; no bucket starts between two of them.
    const days = Math.floor(this.zone.settledWall(Math.floor(t)) / DAY);
    // Writes come in runs on the same day: skip the date arithmetic for a repeat.
    if (days !== this.lastDay) {
      this.lastDay = days;
      this.lastId = this.idOfDay(days);
    }
    return this.lastId;
  }

  fromBucket(bucket: number): number {
    return this.zone.instantOf(this.firstDayOf(bucket) * DAY);
  }

  shift(bucket: number, n: number): number {
    switch (this.unit) {
      case 'daily':
      case 'weekly':
        // Day and week counts do not depend on the calendar: move the first day and re-read.
        return this.idOfDay(this.firstDayOf(bucket) + (this.unit === 'daily' ? n : 7 * n));
      case 'monthly': {
        const months = Math.floor(bucket / 100) * 12 + (bucket % 100) - 1 + n;
        return Math.floor(months / 12) * 100 + mod(months, 12) + 1;
      }
      case 'yearly':
        return bucket + n;
    }
  }

  size(bucket: number): number {
    return this.fromBucket(this.shift(bucket, 1)) - this.fromBucket(bucket);
  }

  /** The id of the bucket holding a local day number. */
  private idOfDay(days: number): number {
    if (this.unit === 'weekly') {
      const { isoYear, week } = isoWeekOf(days);
      return isoYear * 100 + week;
    }
    const { year, month, day } = civilFromDays(days);
    switch (this.unit) {
      case 'daily':
        return year * 10000 + month * 100 + day;
      case 'monthly':
        return year * 100 + month;
      case 'yearly':
        return year;
    }
  }

  /** The local day number on which a bucket starts. */
  private firstDayOf(bucket: number): number {
    switch (this.unit) {
      case 'daily':
        return daysFromCivil(
          Math.floor(bucket / 10000),
          Math.floor(bucket / 100) % 100,
          bucket % 100,
        );
      case 'weekly':
        return isoWeekOneMonday(Math.floor(bucket / 100)) + ((bucket % 100) - 1) * 7;
      case 'monthly':
        return daysFromCivil(Math.floor(bucket / 100), bucket % 100, 1);
      case 'yearly':
        return daysFromCivil(bucket, 1, 1);
    }
  }
}
