/**
 * Expected values computed straight from the documented rules (docs/ARCHITECTURE.md "Keys"),
 * independently of the code under test; the calendar arithmetic is the one model of
 * support/time.ts.
 */
import { type CalendarUnit, calcOf, calendarId } from '../support/time';

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

export type { CalendarUnit } from '../support/time';

/** The calendar bucket holding `t`: its key id and its start (Unix seconds, UTC). */
export function calendarBucket(unit: CalendarUnit, t: number): { id: number; start: number } {
  const calc = calcOf(unit);
  return { id: calendarId(unit, t), start: calc.start(calc.index(t)) };
}

/** Seconds from the start of the calendar bucket holding `t` to the start of the next. */
export function calendarDuration(unit: CalendarUnit, t: number): number {
  const calc = calcOf(unit);
  return calc.size(calc.index(t));
}

export { escapeGlob } from '../support/storage';

/** `[...map]` — entries in iteration order, for order-sensitive comparisons. */
export function entries<K, V>(map: ReadonlyMap<K, V>): [K, V][] {
  return [...map];
}
