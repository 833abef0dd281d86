/**
 * Expected values computed straight from the documented rules (docs/ARCHITECTURE.md "Keys"), independently of the code under test:
 * relative buckets are `floor(t / step)`; calendar buckets are UTC `YYYYMMDD`, `YYYYMM`,
 * `YYYY` and ISO-8601 `YYYYWW` (Monday start).
 */

/** Unix seconds of an ISO date-time text, e.g. `at('2025-03-12T10:00:00Z')`. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad date in a conformance test: ${iso}`);
  return ms / 1000;
}

/** The fixed "now" of the suite's clocks: Wednesday 2025-03-12 00:00:00 UTC (a day start). */
export const NOW = at('2025-03-12T00:00:00Z');

/** A relative bucket id, `floor(t / step)`. */
export function bucketOf(t: number, step: number): number {
  return Math.floor(t / step);
}

/** The start of the relative bucket holding `t`. */
export function startOf(t: number, step: number): number {
  return Math.floor(t / step) * step;
}

/** A calendar step. */
export type CalendarUnit = 'daily' | 'weekly' | 'monthly' | 'yearly';

const DAY = 86_400;

/** The calendar bucket holding `t`: its key id and its start (Unix seconds, UTC). */
export function calendarBucket(unit: CalendarUnit, t: number): { id: number; start: number } {
  const date = new Date(Math.floor(t) * 1000);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  switch (unit) {
    case 'daily':
      return { id: y * 10_000 + (m + 1) * 100 + d, start: Date.UTC(y, m, d) / 1000 };
    case 'monthly':
      return { id: y * 100 + m + 1, start: Date.UTC(y, m, 1) / 1000 };
    case 'yearly':
      return { id: y, start: Date.UTC(y, 0, 1) / 1000 };
    case 'weekly': {
      const dayStart = Date.UTC(y, m, d) / 1000;
      const monday = dayStart - ((date.getUTCDay() + 6) % 7) * DAY;
      // The ISO year is the year of the week's Thursday.
      const isoYear = new Date((monday + 3 * DAY) * 1000).getUTCFullYear();
      const week = Math.floor((monday + 3 * DAY - Date.UTC(isoYear, 0, 1) / 1000) / (7 * DAY)) + 1;
      return { id: isoYear * 100 + week, start: monday };
    }
  }
}

/** Seconds from the start of the calendar bucket holding `t` to the start of the next. */
export function calendarDuration(unit: CalendarUnit, t: number): number {
  const { start } = calendarBucket(unit, t);
  const date = new Date(start * 1000);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  switch (unit) {
    case 'daily':
      return DAY;
    case 'weekly':
      return 7 * DAY;
    case 'monthly':
      return Date.UTC(y, m + 1, 1) / 1000 - start;
    case 'yearly':
      return Date.UTC(y + 1, 0, 1) / 1000 - start;
  }
}

export { escapeGlob } from '../support/storage';

/** `[...map]` — entries in iteration order, for order-sensitive comparisons. */
export function entries<K, V>(map: ReadonlyMap<K, V>): [K, V][] {
  return [...map];
}
