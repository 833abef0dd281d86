import type { Fill } from './assemble/fill';
import type { Command, Reply } from './driver';
import type { Labels } from './labels/validate';
import type { Step } from './time';
import type { SeriesType } from './transforms';

/** One interval: how long a bucket is, how many to keep, and how finely to store inside it. */
export interface IntervalOptions {
  /** Bucket length: seconds, `'60'`, `'1h'`/`'30d'`…, or `'daily' | 'weekly' | 'monthly' | 'yearly'`. */
  step: Step;
  /** Buckets to keep: sets the TTL and the default length of `series()`. Absent: kept forever. */
  steps?: number;
  /** Sub-bucket length inside a bucket; defaults to `step` (a *coarse* interval). */
  resolution?: Step;
  /** IANA time zone of this interval's calendar buckets; overrides the Timeseries' `timezone`. */
  timezone?: string;
  /** `'local'` aligns `Nh`/`Nd` steps to local midnight of `timezone`; default `'epoch'`. */
  align?: 'epoch' | 'local';
}

/** The intervals of a Timeseries, by name. Names must not contain `:`, `{` or `}`. */
export type IntervalsOptions = Record<string, IntervalOptions>;

/**
 * Options of a {@link Timeseries}.
 *
 * @typeParam T - the series type
 * @typeParam R - what `read` returns (values read back are strings without it)
 * @typeParam V - what `insert` accepts (`string | number` without `write`)
 */
export interface TimeseriesOptions<
  T extends SeriesType = SeriesType,
  R = string,
  V = string | number,
  I extends IntervalsOptions = IntervalsOptions,
> {
  /** How a bucket stores its values. */
  type: T;
  /** At least one interval. */
  intervals: I;
  /** Key prefix; `':'` is appended when missing. */
  prefix?: string;
  /** Applied to every value read back (not to counts, which are always numbers). */
  read?: (raw: string) => R;
  /** Applied to every value written. */
  write?: (value: V) => string | number;
  /** "Now" in Unix seconds; default `Date.now() / 1000`. */
  clock?: () => number;
  /**
   * How far past `clock()` a write's timestamp may be, in seconds; default 86 400 (one day),
   * `Infinity` for no limit. A later timestamp is an `InvalidValueError` and nothing is
   * written. It guards the TTL rule: a bucket of an interval with `steps` expires `steps`
   * buckets after its own start, counted from now's bucket, so a bucket stamped years ahead
   * (a bad clock, milliseconds taken for seconds) would be kept for years.
   */
  maxFuture?: number;
  /** Writes `<prefix>{<name>}:…` so one name's keys share a cluster slot; forced on for cluster drivers. */
  hashTag?: boolean;
  /** IANA time zone of calendar buckets (`'daily'` …); default `'UTC'`. */
  timezone?: string;
}

/** A timestamp: Unix seconds (fractional allowed) or a `Date`. */
export type Timestamp = number | Date;

/** Options of `insert`. */
export interface InsertOptions {
  /** When the value happened; default now. */
  timestamp?: Timestamp;
  /** Also write into the N buckets after (N > 0) or before (N < 0) the timestamp's bucket. */
  intervals?: number;
  /**
   * Replaces the name's labels as part of the write (as `setLabels`), once for all the
   * inserts of the name sent together.
   */
  labels?: Labels;
}

/** Options of `bulkInsert`. */
export interface BulkInsertOptions {
  /** As in {@link InsertOptions.intervals}. */
  intervals?: number;
  /**
   * Replaces the labels of the names written (as `setLabels`), once per name per chunk:
   * the same labels for every name, or a function giving each name's (`undefined` leaves
   * that name's labels as they are).
   */
  labels?: Labels | ((name: string) => Labels | undefined);
}

/** One entry of a bulk insert: a timestamp (`null` = now) and values per series name. */
export type BulkEntry<V> = readonly [
  timestamp: Timestamp | null,
  values: Readonly<Record<string, readonly V[]>>,
];

/** What `bulkInsert` accepts: entries, sync or async, or a `Map` of them. */
export type BulkInserts<V> =
  | Iterable<BulkEntry<V>>
  | AsyncIterable<BulkEntry<V>>
  | ReadonlyMap<Timestamp | null, Readonly<Record<string, readonly V[]>>>;

/** Built-in transform names; quantiles are `p0` … `p100`, decimals allowed (`p99.9`). */
export type { TransformName } from './transforms';

import type { TransformName } from './transforms';

/** A transform function: the row's data and the seconds it covers. */
export type TransformFunction<D, U = unknown> = (data: D, durationSeconds: number) => U;

/** Named transforms: a name, an array of names, or labelled names/functions. */
export type NamedTransforms<D> =
  | TransformName
  | readonly TransformName[]
  | Readonly<Record<string, TransformName | TransformFunction<D>>>;

/** A `transform` option: a name, a function, an array of names, or labelled names/functions. */
export type Transform<D> = NamedTransforms<D> | TransformFunction<D>;

/** Options shared by every read. `D` is the data of one bucket. */
export interface ReadOptions<D, X extends NamedTransforms<D> | undefined = undefined, U = never> {
  /** Merge a fine interval's resolution buckets into one entry per interval bucket. */
  condense?: boolean | ((rows: Map<number, D>) => D);
  /**
   * Applied to each row after condense/collapse. (A function inside a labelled object needs
   * its parameter annotated for its result to be typed; a lone function needs nothing.)
   */
  transform?: X | TransformFunction<D, U>;
  /** Replaces the read command of a bucket key. */
  fetch?: (key: string) => Command;
  /** Turns a bucket's raw reply into its data (replaces decoding and `read`). */
  processRow?: (reply: Reply) => D;
  /** Replaces the join of several names' rows for one bucket (`undefined`: no row). */
  joinRows?: (rows: (D | undefined)[]) => D;
}

/** Options of `get`. */
export interface GetOptions<D, X extends NamedTransforms<D> | undefined = undefined, U = never>
  extends ReadOptions<D, X, U> {
  /** Any time inside the wanted interval bucket; default now. */
  timestamp?: Timestamp;
}

/** Options of `series`. */
export interface SeriesOptions<D, X extends NamedTransforms<D> | undefined = undefined, U = never>
  extends ReadOptions<D, X, U> {
  /** First bucket (inclusive). */
  start?: Timestamp;
  /** Last bucket (inclusive). */
  end?: Timestamp;
  /** Number of buckets when `start` and `end` are not both set; default the interval's `steps`, else 1. */
  steps?: number;
  /** Reduce the whole range to one entry keyed by the first bucket. */
  collapse?: boolean | ((rows: Map<number, D>) => D);
  /**
   * Fill gaps: a fine interval gives every resolution row in range (not only those holding
   * data); then a number replaces a null result, `'previous'` carries the last non-null
   * result forward, `null` leaves it. Absent: rows as stored.
   */
  fill?: Fill;
}

/** Options of `iterate`: those of `get` but the timestamp, and `fill` as in `series`. */
export interface IterateOptions<D, X extends NamedTransforms<D> | undefined = undefined, U = never>
  extends ReadOptions<D, X, U> {
  /** As in {@link SeriesOptions.fill}. */
  fill?: Fill;
}

/** First and last bucket start of each interval that holds data. */
export type Properties = Record<string, { first: number; last: number }>;

/**
 * What a configured interval is, as {@link Timeseries.intervals} describes it: lengths in
 * nominal seconds (a calendar day 86,400, a month 30 days, a year 365 days).
 */
export interface IntervalInfo {
  readonly name: string;
  /** Length of an interval bucket. */
  readonly step: number;
  /** Length of a resolution bucket (equal to `step` when the interval is coarse). */
  readonly resolution: number;
  /** Buckets kept (TTL) and the default length of `series()`; undefined: kept forever. */
  readonly steps: number | undefined;
  /** Resolution equals step: one row per interval bucket. */
  readonly coarse: boolean;
  /** `'daily'`, `'weekly'`, `'monthly'` or `'yearly'` for a calendar step. */
  readonly calendar?: string;
}
