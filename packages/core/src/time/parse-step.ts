import { ConfigError, describe } from '../errors';

/** A calendar step: buckets follow the local calendar of a time zone (UTC by default). */
export type CalendarUnit = 'daily' | 'weekly' | 'monthly' | 'yearly';

/**
 * An interval step or resolution as written in the options: a number of seconds (`60`),
 * a digit string (`'60'`), `N` followed by `h`, `d`, `w`, `m` or `y` (hour, day, week,
 * 30-day month, 365-day year: `'30d'`), or a {@link CalendarUnit}.
 */
export type Step = number | string;

/** A validated {@link Step}: a fixed number of seconds, or a calendar unit. */
export type ParsedStep =
  | { kind: 'relative'; seconds: number }
  | { kind: 'calendar'; unit: CalendarUnit };

const CALENDAR_UNITS: ReadonlySet<string> = new Set(['daily', 'weekly', 'monthly', 'yearly']);

/** The fixed lengths of the simple duration suffixes, as Python kairos defines them. */
const SUFFIX_SECONDS: Readonly<Record<string, number>> = {
  h: 3600,
  d: 86400,
  w: 604800,
  m: 2592000, // 30 days
  y: 31536000, // 365 days
};

const DIGITS = /^\d+$/;
const SIMPLE = /^(\d+)([hdwmy])$/;

/**
 * Validates a step and says what kind it is.
 *
 * Only whole, positive, safe-integer numbers of seconds are accepted: `0`, negatives, `NaN`,
 * fractions, blanks, upper case and unknown suffixes are rejected rather than guessed at.
 *
 * @param step the value from the options
 * @param where what the value configures, for the error message (e.g. `interval "minute" step`)
 * @throws ConfigError naming `where` and the bad value
 * @example
 * parseStep('1h', 'interval "hour" step');    // { kind: 'relative', seconds: 3600 }
 * parseStep('weekly', 'interval "w" step');   // { kind: 'calendar', unit: 'weekly' }
 * parseStep(0, 'interval "x" step');          // throws ConfigError
 */
export function parseStep(step: unknown, where: string): ParsedStep {
  if (typeof step === 'number') {
    if (isPositiveSeconds(step)) return { kind: 'relative', seconds: step };
  } else if (typeof step === 'string') {
    if (CALENDAR_UNITS.has(step)) return { kind: 'calendar', unit: step as CalendarUnit };
    if (DIGITS.test(step)) {
      const seconds = Number(step);
      if (isPositiveSeconds(seconds)) return { kind: 'relative', seconds };
    }
    const simple = SIMPLE.exec(step);
    if (simple) {
      const seconds = Number(simple[1]) * (SUFFIX_SECONDS[simple[2] ?? ''] ?? Number.NaN);
      if (isPositiveSeconds(seconds)) return { kind: 'relative', seconds };
    }
  }
  throw new ConfigError(
    `${where} must be a positive whole number of seconds, a digit string, a number followed by ` +
      `h, d, w, m or y, or one of daily, weekly, monthly, yearly; got ${describe(step)}`,
  );
}

function isPositiveSeconds(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0;
}

/**
 * The nominal length of a step in seconds: its seconds when relative; for calendar units
 * 86400 (daily), 604800 (weekly), 2592000 (monthly, 30 days) and 31536000 (yearly, 365 days).
 * Meant for comparisons such as "resolution must not exceed step", not for real bucket lengths
 * (see {@link BucketCalc.size}).
 *
 * @example nominalSeconds(parseStep('monthly', 'step')) // 2592000
 */
export function nominalSeconds(step: ParsedStep): number {
  if (step.kind === 'relative') return step.seconds;
  switch (step.unit) {
    case 'daily':
      return 86400;
    case 'weekly':
      return 604800;
    case 'monthly':
      return 2592000;
    case 'yearly':
      return 31536000;
  }
}
