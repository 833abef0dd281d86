import { UsageError } from './errors';

const RELATIVE = /^([+-])(\d+(?:\.\d+)?)(s|m|h|d|w)$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;
const UNIX = /^-?\d+(?:\.\d+)?$/;
// Date, then optionally a time with an optional zone: what people type, not every ISO form.
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** What a `TIME` argument may be, for error messages and help texts. */
export const TIME_FORMS =
  'Unix seconds, an ISO 8601 date-time, now, or relative (-90s, -15m, -2h, -7d, -1w)';

/**
 * Parses a `TIME` argument into Unix seconds: Unix seconds, an ISO 8601 date or date-time
 * (without an offset: local time, as `date` reads it), `now`, or a signed offset from now
 * (`-90s`, `-15m`, `-2h`, `-7d`, `-1w`).
 *
 * @param what the flag or argument, for the error message
 * @throws UsageError naming `what` and the accepted forms
 * @example parseTime('-15m', '--start', 1_700_000_000) // 1_699_999_100
 */
export function parseTime(text: string, what: string, now: number): number {
  const value = text.trim();
  if (value === 'now') return now;
  if (UNIX.test(value)) return Number(value);
  const relative = RELATIVE.exec(value);
  if (relative) {
    const [, sign, amount, unit] = relative;
    const seconds = Number(amount) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
    return sign === '-' ? now - seconds : now + seconds;
  }
  if (ISO.test(value)) {
    const ms = Date.parse(value.replace(' ', 'T'));
    if (Number.isFinite(ms)) return ms / 1000;
  }
  throw new UsageError(`${what}: cannot read ${JSON.stringify(text)} as a time; use ${TIME_FORMS}`);
}

/** The current time in Unix seconds. */
export function nowSeconds(): number {
  return Date.now() / 1000;
}
