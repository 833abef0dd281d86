import type { ParsedStep } from './parse-step';

/**
 * Turns timestamps into bucket ids and back for one step. Ids are ordered integers: a later
 * bucket always has a larger id. Times are Unix seconds (fractional and pre-1970 allowed).
 */
export interface BucketCalc {
  /** The step these buckets have. */
  readonly step: ParsedStep;
  /** Bucket id containing t (Unix seconds, fractional allowed, before 1970 allowed). */
  toBucket(t: number): number;
  /** Start of the bucket, Unix seconds. */
  fromBucket(bucket: number): number;
  /** The bucket n buckets after (n < 0: before) `bucket`. */
  shift(bucket: number, n: number): number;
  /** Real length in seconds of that bucket (23/25 h on DST days, 28–31 days for months). */
  size(bucket: number): number;
}

/** Options shared by {@link RelativeTime} and {@link GregorianTime}. */
export interface CalcOptions {
  /** IANA time zone of calendar buckets (and of `align: 'local'`); default `'UTC'`. */
  timezone?: string;
  /**
   * Where relative buckets start. `'epoch'` (the default, as in Python kairos, in any zone):
   * `floor(t / step)`. `'local'`: counted in the zone's wall-clock time, so that `'1h'`/`'1d'`
   * buckets start at local hours/midnights. Calendar buckets are always local and ignore it.
   */
  align?: 'epoch' | 'local';
}
