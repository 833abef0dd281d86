import type { Driver } from './driver';
import { ConfigError, describe } from './errors';
import { type KeyLayout, normalizePrefix } from './keys';
import type { IntervalOptions, TimeseriesOptions } from './options';
import { hasControl, hasLoneSurrogate } from './text';
import {
  type BucketCalc,
  bucketCalc,
  nominalSeconds,
  type ParsedStep,
  parseStep,
  validateTimeZone,
} from './time';
import type { SeriesType } from './transforms';
import { type ReadFn, TYPES, type TypeDef } from './types';

/** One validated interval. */
export interface IntervalConfig {
  readonly name: string;
  /** Buckets kept (TTL); undefined keeps them forever. */
  readonly steps: number | undefined;
  /** Resolution equals step: values live in the interval bucket itself. */
  readonly coarse: boolean;
  /** Interval bucket math. */
  readonly i: BucketCalc;
  /** Resolution bucket math (same as `i` when coarse). */
  readonly r: BucketCalc;
}

/** Everything a Timeseries needs, validated once at construction. */
export interface Config {
  readonly type: TypeDef;
  readonly intervals: ReadonlyMap<string, IntervalConfig>;
  readonly layout: KeyLayout;
  readonly read: ReadFn | undefined;
  readonly write: ((value: unknown) => unknown) | undefined;
  readonly clock: () => number;
  /** Seconds past now a write timestamp may be (`Infinity`: no limit). */
  readonly maxFuture: number;
}

/** The default of `maxFuture`: one day. */
export const MAX_FUTURE_DEFAULT = 86_400;

const INTERVAL_NAME = /^[^:{}*?[\]\\\s]+$/;
const BUCKET_LIKE = /^-?\d+$/;
const MAX_STEPS = 1_000_000_000;

/** Validates the constructor's options; every problem is a ConfigError naming the field. */
export function buildConfig(
  driver: Driver,
  options: TimeseriesOptions<SeriesType, unknown, never>,
): Config {
  if (!driver || typeof driver.exec !== 'function' || typeof driver.scan !== 'function') {
    throw new ConfigError('a Driver with exec() and scan() is required');
  }
  if (!options || typeof options !== 'object') throw new ConfigError('options are required');
  const type = TYPES[options.type as SeriesType];
  if (!Object.hasOwn(TYPES, String(options.type)) || !type) {
    throw new ConfigError(
      `type must be one of ${Object.keys(TYPES).join(', ')}; got ${describe(options.type)}`,
    );
  }
  for (const fn of ['read', 'write', 'clock'] as const) {
    if (options[fn] !== undefined && typeof options[fn] !== 'function') {
      throw new ConfigError(`${fn} must be a function; got ${describe(options[fn])}`);
    }
  }
  checkPrefix(options.prefix, (message) => new ConfigError(message));
  const timezone =
    options.timezone === undefined ? 'UTC' : validateTimeZone(options.timezone, 'timezone');
  const clock = options.clock ?? (() => Date.now() / 1000);
  const maxFuture = options.maxFuture ?? MAX_FUTURE_DEFAULT;
  if (typeof maxFuture !== 'number' || !(maxFuture >= 0)) {
    throw new ConfigError(
      `maxFuture must be a number of seconds (0 or more, or Infinity); got ${describe(options.maxFuture)}`,
    );
  }
  return {
    type,
    intervals: buildIntervals(options.intervals, timezone),
    layout: {
      prefix: normalizePrefix(options.prefix),
      hashTag: driver.cluster || options.hashTag === true,
    },
    read: options.read as ReadFn | undefined,
    write: options.write as ((value: unknown) => unknown) | undefined,
    clock,
    maxFuture,
  };
}

/**
 * Checks a key prefix (the `prefix` option, or `restore`'s): a string without `{`, `}`,
 * control characters or lone surrogates. `fail` makes the error of the caller's kind.
 */
export function checkPrefix(prefix: unknown, fail: (message: string) => Error): void {
  if (prefix === undefined) return;
  if (typeof prefix !== 'string') throw fail(`prefix must be a string; got ${describe(prefix)}`);
  if (/[{}]/.test(prefix) || hasControl(prefix) || hasLoneSurrogate(prefix)) {
    throw fail(
      `prefix must not contain '{', '}', control characters or lone surrogates; got ${describe(prefix)}`,
    );
  }
}

function buildIntervals(intervals: unknown, timezone: string): Map<string, IntervalConfig> {
  if (!intervals || typeof intervals !== 'object' || Array.isArray(intervals)) {
    throw new ConfigError(
      'intervals must be an object of { [name]: { step, steps?, resolution? } }',
    );
  }
  const out = new Map<string, IntervalConfig>();
  for (const [name, value] of Object.entries(intervals)) {
    out.set(name, buildInterval(name, value as IntervalOptions, timezone));
  }
  if (out.size === 0) throw new ConfigError('intervals must configure at least one interval');
  return out;
}

function buildInterval(
  name: string,
  options: IntervalOptions,
  defaultZone: string,
): IntervalConfig {
  const where = `interval ${JSON.stringify(name)}`;
  // A name made of digits would read like a bucket id, so keys of a longer prefix could
  // parse as this layout's keys ('app:x' + 'minute:60:10' vs 'app' + 'x:minute:60:10').
  if (!INTERVAL_NAME.test(name) || BUCKET_LIKE.test(name) || hasLoneSurrogate(name)) {
    throw new ConfigError(
      `${where}: the name must be non-empty, not a number, without ':', '{', '}', glob characters or spaces`,
    );
  }
  if (!options || typeof options !== 'object')
    throw new ConfigError(`${where}: must be an object with a step`);
  const step = parseStep(options.step, `${where} step`);
  const resolution =
    options.resolution === undefined ? step : parseStep(options.resolution, `${where} resolution`);
  if (nominalSeconds(resolution) > nominalSeconds(step)) {
    throw new ConfigError(
      `${where}: resolution ${describe(options.resolution)} is larger than step ${describe(options.step)}`,
    );
  }
  const { steps } = options;
  if (steps !== undefined && !(Number.isInteger(steps) && steps >= 1 && steps <= MAX_STEPS)) {
    throw new ConfigError(
      `${where} steps: must be a whole number from 1 to ${MAX_STEPS}; got ${describe(steps)}`,
    );
  }
  if (options.align !== undefined && options.align !== 'epoch' && options.align !== 'local') {
    throw new ConfigError(
      `${where} align: must be 'epoch' or 'local'; got ${describe(options.align)}`,
    );
  }
  const timezone =
    options.timezone === undefined
      ? defaultZone
      : validateTimeZone(options.timezone, `${where} timezone`);
  const calcOptions = { timezone, align: options.align ?? 'epoch' } as const;
  const i = bucketCalc(step, calcOptions);
  const coarse = sameStep(step, resolution);
  return { name, steps, coarse, i, r: coarse ? i : bucketCalc(resolution, calcOptions) };
}

function sameStep(a: ParsedStep, b: ParsedStep): boolean {
  return a.kind === 'relative'
    ? b.kind === 'relative' && a.seconds === b.seconds
    : b.kind === 'calendar' && a.unit === b.unit;
}
