import type { SeriesType } from '../transforms';

/**
 * A histogram count, a count bucket's total: a JSON number when it reads back as exactly the
 * text Redis stored, otherwise that text (a count beyond 2^53, a float Redis printed with
 * more digits than a double keeps).
 */
export type ExactNumber = number | string;

/**
 * The stored data of one bucket, by series type, in a JSON-safe form that loses nothing:
 * `series` the values in order, `set` the members (sorted), `histogram` `[value, count]`
 * pairs (sorted by value), `count` the total, `gauge` the value. Values are the strings
 * Redis holds (what `write` produced), never what `read` would make of them.
 */
export type DumpData = string[] | Array<[value: string, count: ExactNumber]> | ExactNumber;

/**
 * One stored bucket: a coarse interval bucket, or one resolution row of a fine interval
 * bucket (then `resolution` is set). A dump file holds one of these per line.
 *
 * @example
 * ```ts
 * const record: DumpRecord = {
 *   name: 'api.latency', interval: 'minute', type: 'series',
 *   bucket: 29171520, start: 1750291200, ttl: 7140.5, data: ['12', '15'],
 * };
 * ```
 */
export interface DumpRecord {
  /** The series name. */
  name: string;
  /** The interval's name. */
  interval: string;
  /** The series type the data is stored as. */
  type: SeriesType;
  /** The interval bucket id (as in the key). */
  bucket: number;
  /** Start of the interval bucket, Unix seconds. */
  start: number;
  /** The resolution bucket id, for a row of a fine interval; absent for a coarse bucket. */
  resolution?: number;
  /** Seconds the bucket had left to live when it was read (millisecond precision); `null`: kept forever. */
  ttl: number | null;
  /**
   * The stored data, see {@link DumpData}; `null` for a fine row that its interval bucket
   * lists but that holds nothing (a count row that only took 0): reads show it, so a
   * restore keeps it.
   */
  data: DumpData | null;
}

/** Options of `Timeseries.dump`. */
export interface DumpOptions {
  /** Only these intervals (default: every configured one). */
  intervals?: readonly string[];
}

/** Options of `Timeseries.restore`. */
export interface RestoreOptions {
  /** Write under this key prefix instead of the Timeseries' own (`':'` appended when missing). */
  prefix?: string;
  /**
   * When the records were read (Unix seconds or a Date; a dump file's `created`): their TTLs
   * are shortened by the time since, and a bucket whose TTL has run out is skipped. Absent:
   * TTLs are applied as they are.
   */
  dumpedAt?: number | Date;
}

/** What `restore` wrote. */
export interface RestoreSummary {
  /** Buckets (coarse buckets and fine rows) written. */
  buckets: number;
  /**
   * Values written: list items, set members and histogram values (distinct ones, each with
   * its count); one per count or gauge bucket.
   */
  values: number;
  /** Distinct series names written. */
  names: number;
  /** Records skipped because their TTL had run out. */
  expired: number;
}
