/**
 * The suites' one model of bucket arithmetic (docs/ARCHITECTURE.md "Keys"), written
 * independently of the code under test: relative buckets are `floor(t / step)`; calendar
 * buckets are UTC days, ISO weeks (Monday start), months and years. Buckets are numbered by
 * consecutive integers ({@link calcOf}), so "the N buckets after" is `+ N`; the ids keys carry
 * (`YYYYMMDD`, `YYYYWW`, `YYYYMM`, `YYYY`) come from {@link calendarId}.
 */

/** A step as the options write it. */
export type ModelStep = number | string;

/** Consecutive bucket numbers and their start and length. */
export interface ModelCalc {
  /** The bucket holding `t` (Unix seconds). */
  index(t: number): number;
  /** Unix seconds at which bucket `i` starts. */
  start(i: number): number;
  /** Length of bucket `i` in seconds. */
  size(i: number): number;
}

const DAY = 86_400;
const UNITS: Readonly<Record<string, number>> = {
  h: 3600,
  d: DAY,
  w: 7 * DAY,
  m: 30 * DAY,
  y: 365 * DAY,
};
const CALENDAR = ['daily', 'weekly', 'monthly', 'yearly'];

/** A calendar step. */
export type CalendarUnit = 'daily' | 'weekly' | 'monthly' | 'yearly';

/** True for `'daily' | 'weekly' | 'monthly' | 'yearly'`. */
export function isCalendar(step: ModelStep): boolean {
  return typeof step === 'string' && CALENDAR.includes(step);
}

/** Seconds of a relative step (`60`, `'60'`, `'2h'`), or the nominal length of a calendar one. */
export function nominalSeconds(step: ModelStep): number {
  if (typeof step === 'number') return step;
  const nominal: Record<string, number> = {
    daily: DAY,
    weekly: 7 * DAY,
    monthly: 30 * DAY,
    yearly: 365 * DAY,
  };
  if (nominal[step] !== undefined) return nominal[step];
  const match = /^(\d+)([hdwmy])?$/.exec(step);
  if (!match) throw new Error(`the model does not know the step ${step}`);
  return Number(match[1]) * (match[2] ? (UNITS[match[2]] ?? Number.NaN) : 1);
}

/** Two steps are the same bucketing: same relative seconds, or the same calendar unit. */
export function sameStep(a: ModelStep, b: ModelStep): boolean {
  if (isCalendar(a) || isCalendar(b)) return a === b;
  return nominalSeconds(a) === nominalSeconds(b);
}

/** The calc of a step. */
export function calcOf(step: ModelStep): ModelCalc {
  if (!isCalendar(step)) return fixed(nominalSeconds(step), 0);
  if (step === 'daily') return fixed(DAY, 0);
  // 1970-01-01 is a Thursday: the Monday before it is 3 days earlier.
  if (step === 'weekly') return fixed(7 * DAY, -3 * DAY);
  const months = step === 'monthly' ? 1 : 12;
  const start = (i: number) => Date.UTC(1970, i * months, 1) / 1000;
  return {
    index(t) {
      const date = new Date(Math.floor(t) * 1000);
      const month = (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
      return Math.floor(month / months);
    },
    start,
    size: (i) => start(i + 1) - start(i),
  };
}

function fixed(seconds: number, offset: number): ModelCalc {
  return {
    index: (t) => Math.floor((t - offset) / seconds),
    start: (i) => i * seconds + offset,
    size: () => seconds,
  };
}

/** The id a calendar bucket key carries for the bucket holding `t`. */
export function calendarId(unit: CalendarUnit, t: number): number {
  const calc = calcOf(unit);
  const start = new Date(calc.start(calc.index(t)) * 1000);
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth() + 1;
  switch (unit) {
    case 'daily':
      return y * 10_000 + m * 100 + start.getUTCDate();
    case 'monthly':
      return y * 100 + m;
    case 'yearly':
      return y;
    case 'weekly': {
      // The ISO year is the year of the week's Thursday; week 1 holds its first Thursday.
      const thursday = calc.start(calc.index(t)) + 3 * DAY;
      const isoYear = new Date(thursday * 1000).getUTCFullYear();
      const week = Math.floor((thursday - Date.UTC(isoYear, 0, 1) / 1000) / (7 * DAY)) + 1;
      return isoYear * 100 + week;
    }
  }
}
