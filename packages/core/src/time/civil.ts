/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), with no
 * `Date` or `Intl`: this is what makes UTC buckets pure arithmetic. The day/date conversion
 * follows Howard Hinnant's well-known `days_from_civil` / `civil_from_days` algorithms.
 */

/** Seconds in a day without any time-zone shift. */
export const DAY = 86400;

/** A calendar date; `month` 1–12, `day` 1–31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Always-non-negative remainder (`%` keeps the sign of the dividend). */
export function mod(a: number, b: number): number {
  const r = a % b;
  return r < 0 ? r + b : r;
}

/**
 * The day number of a date. Out-of-range months and days roll over arithmetically
 * (month 13 is January of the next year, February 30 is March 1 or 2).
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Normalise the month first so that the algorithm below sees 1..12.
  const y0 = year + Math.floor((month - 1) / 12);
  const m = mod(month - 1, 12) + 1;
  // Count years from March so that the leap day is the last day of the counted year.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day of the week of a day number, Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
export function isoWeekday(days: number): number {
  return mod(days + 3, 7);
}

/** The day number of the Monday that starts ISO week 1 of an ISO week-year (the week of Jan 4). */
export function isoWeekOneMonday(isoYear: number): number {
  const jan4 = daysFromCivil(isoYear, 1, 4);
  return jan4 - isoWeekday(jan4);
}

/** ISO-8601 week-year and week (1–53) of a day number. */
export function isoWeekOf(days: number): { isoYear: number; week: number } {
  // The ISO week belongs to the year that holds its Thursday.
  const thursday = days - isoWeekday(days) + 3;
  const isoYear = civilFromDays(thursday).year;
  const week = Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
  return { isoYear, week };
}
