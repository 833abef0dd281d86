import type { Config, IntervalConfig } from './config';
import { describe, InvalidNameError, InvalidValueError, UnknownIntervalError } from './errors';
import type { Timestamp } from './options';
import { hasControl, hasLoneSurrogate } from './text';
import type { StoredValue } from './types';

/** Checks a series name: non-empty, no `:`, `{`, `}` or control characters. */
export function checkName(name: unknown): string {
  if (typeof name !== 'string') throw new InvalidNameError(name, 'a name must be a string');
  if (name === '') throw new InvalidNameError(name, 'a name must not be empty');
  if (/[:{}]/.test(name))
    throw new InvalidNameError(name, "a name must not contain ':', '{' or '}'");
  if (hasControl(name))
    throw new InvalidNameError(name, 'a name must not contain control characters');
  if (hasLoneSurrogate(name))
    throw new InvalidNameError(name, 'a name must be well-formed Unicode (a lone surrogate)');
  return name;
}

/** Checks one name or a non-empty list of names; returns the list. */
export function checkNames(names: unknown): string[] {
  if (typeof names === 'string') return [checkName(names)];
  if (!Array.isArray(names))
    throw new InvalidNameError(names, 'expected a name or an array of names');
  if (names.length === 0) throw new InvalidNameError(names, 'the array of names is empty');
  return names.map(checkName);
}

/** Finds a configured interval or throws UnknownIntervalError. */
export function checkInterval(config: Config, interval: unknown): IntervalConfig {
  const found = typeof interval === 'string' ? config.intervals.get(interval) : undefined;
  if (!found) throw new UnknownIntervalError(String(interval), [...config.intervals.keys()]);
  return found;
}

/** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z, in Unix seconds. */
const FIRST_SECOND = -62_135_596_800;
const PAST_LAST_SECOND = 253_402_300_800;

/**
 * Unix seconds of a timestamp (number or valid Date); `fallback` when absent. Years 1 to
 * 9999 only: beyond them calendar bucket ids are malformed, and a relative bucket such as
 * `1.6e+23` makes a key that `list`, `properties` and `delete` can never find again.
 */
export function toSeconds(
  value: Timestamp | null | undefined,
  what: string,
  fallback: () => number,
): number {
  if (value === undefined || value === null) return fallback();
  const seconds = value instanceof Date ? value.getTime() / 1000 : value;
  if (typeof seconds !== 'number' || !(seconds >= FIRST_SECOND && seconds < PAST_LAST_SECOND)) {
    throw new InvalidValueError(
      `${what} must be a finite number of seconds or a valid Date, in the years 1 to 9999; got ${describe(value)}`,
    );
  }
  return seconds;
}

/**
 * Checks that a write's timestamp is at most `maxFuture` seconds after `now`, so that no
 * bucket gets a TTL far beyond its interval's `steps` (see the `maxFuture` option).
 */
export function checkNotTooFar(config: Config, seconds: number, now: number, what: string): number {
  if (seconds > now + config.maxFuture) {
    throw new InvalidValueError(
      `${what} is ${Math.round(seconds - now)} s after now, more than maxFuture (${config.maxFuture} s); got ${describe(seconds)}`,
    );
  }
  return seconds;
}

/** Checks a whole-number option within bounds. */
export function checkInteger(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidValueError(
      `${what} must be a whole number from ${min} to ${max}; got ${describe(value)}`,
    );
  }
  return value;
}

/** Applies `write` and checks that the result can be stored by the type. */
export function toStored(config: Config, value: unknown, name: string): StoredValue {
  let stored: unknown;
  try {
    stored = config.write ? config.write(value) : value;
  } catch (error) {
    throw new InvalidValueError(
      `write() failed for a value of ${JSON.stringify(name)}: ${String(error)}`,
      { cause: error },
    );
  }
  const ok = typeof stored === 'string' || (typeof stored === 'number' && Number.isFinite(stored));
  const reason = !ok
    ? 'a value must be a string or a finite number'
    : hasLoneSurrogate(stored)
      ? 'a string value must be well-formed Unicode (a lone surrogate)'
      : config.type.invalid(stored as StoredValue);
  if (reason) {
    throw new InvalidValueError(`${reason}; got ${describe(stored)} for ${JSON.stringify(name)}`);
  }
  return stored as StoredValue;
}
