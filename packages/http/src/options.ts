import type { Timeseries } from '@kairos/core';

/** The size limits of one request; beyond them the answer is a 400 naming the limit. */
export interface Limits {
  /** Names in one query (default 50). */
  readonly names: number;
  /** Points (rows, or datapoints over every target) in one response (default 10,000). */
  readonly points: number;
  /** Bytes of the query string (default 8 KB). */
  readonly queryBytes: number;
  /** Bytes of a POST body (default 64 KB). */
  readonly bodyBytes: number;
}

/** The limits used when `createApp` is given none. */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  names: 50,
  points: 10_000,
  queryBytes: 8 * 1024,
  bodyBytes: 64 * 1024,
});

/** Any Timeseries, whatever its type, value types and intervals. */
// biome-ignore lint/suspicious/noExplicitAny: read and write functions vary per series
export type AnyTimeseries = Timeseries<any, any, any, any>;

/** What `createApp` serves. */
export interface AppOptions {
  /** The series to serve, by the key that names them in URLs (`/api/series/:key`). */
  readonly series: Readonly<Record<string, AnyTimeseries>>;
  /**
   * When set, every `/api` and `/grafana` request needs `Authorization: Bearer <token>`.
   * The page itself loads without it and asks for the token.
   */
  readonly token?: string;
  /** Size limits; each one left out keeps its default ({@link DEFAULT_LIMITS}). */
  readonly limits?: Partial<Limits>;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  readonly cors?: readonly string[];
  /** Longest time a request may take before a 504 (default 15,000 ms). */
  readonly timeoutMs?: number;
  /** Where a storage failure is reported (the client only sees a 503); default `console.error`. */
  readonly onStorageError?: (error: unknown) => void;
}

/** Options checked and completed with their defaults. */
export interface ResolvedOptions {
  readonly series: ReadonlyMap<string, AnyTimeseries>;
  readonly token: string | undefined;
  readonly limits: Limits;
  readonly cors: readonly string[];
  readonly timeoutMs: number;
  readonly onStorageError: (error: unknown) => void;
}

/** A bound a request never exceeds: above the library's own 10 s bound on a Redis call. */
const DEFAULT_TIMEOUT_MS = 15_000;

/** Checks `createApp`'s options; a mistake throws a TypeError naming the option. */
export function resolveOptions(options: AppOptions): ResolvedOptions {
  if (!options || typeof options.series !== 'object' || options.series === null) {
    throw new TypeError('createApp needs { series: { [key]: Timeseries } }');
  }
  const series = new Map(Object.entries(options.series));
  for (const [key, t] of series) {
    if (!t || typeof t.series !== 'function' || !Array.isArray(t.intervals)) {
      throw new TypeError(`series[${JSON.stringify(key)}] is not a Timeseries`);
    }
  }
  if (options.token !== undefined && (typeof options.token !== 'string' || !options.token)) {
    throw new TypeError('token must be a non-empty string');
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new TypeError(`limits.${name} must be a positive integer; got ${value}`);
    }
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
    throw new TypeError(`timeoutMs must be a positive integer; got ${timeoutMs}`);
  }
  return {
    series,
    token: options.token,
    limits,
    cors: options.cors ?? [],
    timeoutMs,
    onStorageError: options.onStorageError ?? ((error) => console.error(error)),
  };
}
