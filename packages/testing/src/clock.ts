import { InvalidValueError } from '@kairos/core';

/** A clock for the `clock` option that only moves when told to. */
export interface ManualClock {
  /** The current time in Unix seconds (what Kairos calls). */
  (): number;
  /** The current time in Unix seconds. */
  now(): number;
  /** Moves the clock by `seconds` (negative goes back); returns the clock. */
  advance(seconds: number): ManualClock;
  /** Sets the clock to `time` (Unix seconds or a `Date`); returns the clock. */
  set(time: number | Date): ManualClock;
}

/**
 * A manual clock: pass it as the `clock` option so that "now" — default reads, bucket
 * choice, TTLs and the skipping of writes older than `steps` — follows the test.
 *
 * @example
 * ```ts
 * const clock = manualClock(new Date('2025-01-01T00:00:00Z'));
 * const t = createMockTimeseries({ type: 'count', intervals: { minute: { step: 60 } }, clock });
 * await t.insert('hits');
 * clock.advance(60);
 * ```
 */
export function manualClock(start: number | Date): ManualClock {
  let current = toSeconds(start, 'start');
  const clock = (() => current) as ManualClock;
  clock.now = () => current;
  clock.advance = (seconds: number) => {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
      throw new InvalidValueError(
        `manualClock.advance: seconds must be a finite number, got ${String(seconds)}`,
      );
    }
    current += seconds;
    return clock;
  };
  clock.set = (time: number | Date) => {
    current = toSeconds(time, 'time');
    return clock;
  };
  return clock;
}

function toSeconds(time: number | Date, what: string): number {
  const seconds = time instanceof Date ? time.getTime() / 1000 : time;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
    throw new InvalidValueError(
      `manualClock: ${what} must be finite Unix seconds or a valid Date, got ${String(time)}`,
    );
  }
  return seconds;
}
