import type { IntervalOptions, SeriesType, TimeseriesOptions } from '@kairos/core';

/** Where Redis is: a `redis://` URL, or the startup nodes of a cluster. */
export type RedisTarget = string | { cluster: readonly string[] };

/** How values read back are decoded: as numbers, as the stored strings, or as JSON. */
export type ReadAs = 'number' | 'string' | 'json';

/**
 * One series of the configuration: `type`, `intervals` and the other `Timeseries` options
 * of the same names, with `read` given by name.
 */
export interface SeriesEntry {
  /** How a bucket stores its values. */
  type: SeriesType;
  /** The intervals, as the `Timeseries` option of that name. */
  intervals: Record<string, IntervalOptions>;
  /** Key prefix; `':'` is appended when missing. */
  prefix?: string;
  /** How values are decoded when read; default `'string'`. */
  read?: ReadAs;
  /** IANA time zone of calendar buckets; default `'UTC'`. */
  timezone?: string;
  /** Default `align` of every interval that sets none (`'epoch'` or `'local'`). */
  align?: 'epoch' | 'local';
  /** Cluster-safe key layout; forced on for a cluster. */
  hashTag?: boolean;
  /** Any further `Timeseries` option. */
  [option: string]: unknown;
}

/** The content of `kairos.config.json` (or the default export of a `.mjs`/`.js` config). */
export interface KairosConfig {
  /** The Redis server or cluster; `--redis` and `REDIS_URL` override it. */
  redis?: RedisTarget;
  /** The series the commands can name, by key. */
  series: Record<string, SeriesEntry>;
}

/** The `Timeseries` options a checked entry turns into. */
export type EntryOptions = TimeseriesOptions<SeriesType, unknown, string | number>;

/**
 * Types a `.mjs`/`.js` configuration and returns it unchanged.
 *
 * @example
 * ```js
 * // kairos.config.mjs
 * import { defineConfig } from '@kairos/cli';
 * export default defineConfig({
 *   redis: 'redis://127.0.0.1:6379',
 *   series: { logins: { type: 'count', intervals: { minute: { step: 60, steps: 1440 } } } },
 * });
 * ```
 */
export function defineConfig(config: KairosConfig): KairosConfig {
  return config;
}
