import { ConfigError, type Driver, Timeseries } from '@kairos/core';
import { ConfigFileError, choices } from '../errors';
import type { EntryOptions, KairosConfig, ReadAs, RedisTarget, SeriesEntry } from './types';

/** Keys a series entry may have: the CLI's own and the `Timeseries` options it passes on. */
const ENTRY_KEYS = [
  'type',
  'intervals',
  'prefix',
  'read',
  'timezone',
  'align',
  'hashTag',
  'maxFuture',
];
const READ_AS: Record<ReadAs, ((raw: string) => unknown) | undefined> = {
  number: Number,
  string: undefined,
  json: (raw) => JSON.parse(raw),
};
/** Never called: lets the `Timeseries` constructor check an entry's options at load time. */
const OFFLINE_DRIVER: Driver = {
  cluster: false,
  exec: () => Promise.reject(new Error('not connected')),
  scan: () => ({
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('not connected')) }),
  }),
};

/** A checked configuration: where it came from, and each series ready to open. */
export interface CheckedConfig {
  /** The file it was read from. */
  readonly file: string;
  /** The configured Redis target, if any. */
  readonly redis: RedisTarget | undefined;
  /** The series by key, in file order. */
  readonly series: ReadonlyMap<string, CheckedSeries>;
}

/** One series of a checked configuration. */
export interface CheckedSeries {
  /** Its key in `series`. */
  readonly key: string;
  /** The entry as written. */
  readonly entry: SeriesEntry;
  /** The `Timeseries` options it stands for. */
  readonly options: EntryOptions;
}

/**
 * Checks a loaded configuration: the shape the CLI needs, then each series' options through
 * the `Timeseries` constructor, so a mistake is reported at load time with its path.
 *
 * @throws ConfigFileError naming `file`, the path inside it and the problem
 */
export function checkConfig(file: string, value: unknown): CheckedConfig {
  const fail = (path: string, problem: string) => new ConfigFileError(file, path, problem);
  if (!isObject(value)) throw fail('', `must hold an object with "series"; got ${kind(value)}`);
  for (const key of Object.keys(value)) {
    if (key !== 'redis' && key !== 'series' && key !== '$schema') {
      throw fail(key, `unknown key; valid keys: redis, series`);
    }
  }
  const redis = checkRedis(value.redis, fail);
  const config = value as Partial<KairosConfig>;
  if (!isObject(config.series))
    throw fail('series', `must be an object of series by name; got ${kind(config.series)}`);
  const series = new Map<string, CheckedSeries>();
  for (const [key, entry] of Object.entries(config.series)) {
    const path = `series.${key}`;
    if (!isObject(entry))
      throw fail(path, `must be an object with "type" and "intervals"; got ${kind(entry)}`);
    series.set(key, { key, entry: entry as SeriesEntry, options: entryOptions(entry, path, fail) });
  }
  if (series.size === 0) throw fail('series', 'configures no series; add at least one');
  return { file, redis, series };
}

function checkRedis(
  redis: unknown,
  fail: (path: string, problem: string) => ConfigFileError,
): RedisTarget | undefined {
  if (redis === undefined) return undefined;
  if (typeof redis === 'string') {
    checkUrl(redis, 'redis', fail);
    return redis;
  }
  if (isObject(redis) && Array.isArray(redis.cluster) && redis.cluster.length > 0) {
    redis.cluster.forEach((url, n) => {
      checkUrl(url, `redis.cluster[${n}]`, fail);
    });
    return { cluster: redis.cluster as string[] };
  }
  throw fail(
    'redis',
    `must be a redis:// URL or { "cluster": ["redis://host:port", …] }; got ${kind(redis)}`,
  );
}

function checkUrl(
  url: unknown,
  path: string,
  fail: (path: string, problem: string) => ConfigFileError,
) {
  if (typeof url !== 'string' || !/^rediss?:\/\/./.test(url) || !URL.canParse(url)) {
    throw fail(path, `must be a URL such as redis://127.0.0.1:6379; got ${kind(url)}`);
  }
}

function entryOptions(
  entry: Record<string, unknown>,
  path: string,
  fail: (path: string, problem: string) => ConfigFileError,
): EntryOptions {
  for (const key of Object.keys(entry)) {
    if (!ENTRY_KEYS.includes(key))
      throw fail(`${path}.${key}`, `unknown option; valid: ${choices(ENTRY_KEYS)}`);
  }
  const { read = 'string', align, ...rest } = entry;
  if (typeof read !== 'string' || !Object.hasOwn(READ_AS, read)) {
    throw fail(
      `${path}.read`,
      `must be one of ${choices(Object.keys(READ_AS))}; got ${kind(read)}`,
    );
  }
  const options = { ...rest, read: READ_AS[read as ReadAs] } as EntryOptions;
  if (align !== undefined && isObject(rest.intervals)) {
    // Core sets `align` per interval: the series-wide value is each interval's default.
    options.intervals = Object.fromEntries(
      Object.entries(rest.intervals).map(([name, interval]) => [
        name,
        isObject(interval) ? { align, ...interval } : interval,
      ]),
    ) as EntryOptions['intervals'];
  }
  try {
    new Timeseries(OFFLINE_DRIVER, options);
  } catch (error) {
    if (error instanceof ConfigError) throw fail(path, error.message);
    throw error;
  }
  return options;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as an error message shows it. */
function kind(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return value === null ? 'null' : 'an object';
  return JSON.stringify(value);
}
