import { ConfigError, describe } from '../errors';
import type { BucketCalc, CalcOptions } from './calc';
import { resolveOptions } from './options';
import type { ParsedStep } from './parse-step';
import type { Zone } from './zone';

/**
 * Buckets of a fixed number of seconds.
 *
 * With `align: 'epoch'` (the default, in any time zone) bucket `b` is
 * `[b·step, (b+1)·step)` in Unix seconds, as in Python kairos but with `floor` so that times
 * before 1970 work.
 *
 * With `align: 'local'` and a time zone, buckets are counted in the zone's wall-clock time:
 * bucket `b` covers local wall times `[b·step, (b+1)·step)` counted from 1970-01-01 00:00
 * local, so `'1h'` buckets start at local whole hours and `'1d'` buckets at local midnight
 * (an `N`-day step groups days counted from that date). Precisely, the bucket of `t` is
 * `floor(w / step)` where `w` is the settled wall time of `t` — the local clock reading
 * `t + offset(t)`, except that while the clock runs through wall times it will repeat after a
 * fall-back, `w` is the start of the repeated span. Consequences:
 * - ids never decrease as time goes on, and each bucket is one contiguous span of time;
 * - at a fall-back the repeated wall times stay in one bucket (a 1h bucket of 2 h, a 1d
 *   bucket of 25 h); a bucket boundary inside the repeated span (e.g. a 30-min step over a 1 h
 *   fall-back) takes effect at its second occurrence, so no id repeats after a later one;
 * - at a spring-forward the bucket holding the skipped wall times is shorter (a 1d bucket of
 *   23 h); a bucket lying wholly inside the skipped wall times (the 02:00 hour in New York) has
 *   size 0: its id is still in `bucketRange` and `shift` (ids stay consecutive), it just
 *   never holds a time.
 *
 * @example
 * const minute = new RelativeTime(60);
 * minute.toBucket(125.5);   // 2
 * minute.fromBucket(-1);    // -60
 * const day = new RelativeTime(86400, { timezone: 'Europe/Berlin', align: 'local' });
 * day.fromBucket(day.toBucket(Date.UTC(2024, 2, 31, 12) / 1000)); // 2024-03-30T23:00:00Z
 */
export class RelativeTime implements BucketCalc {
  readonly step: ParsedStep;
  private readonly seconds: number;
  /** Set only for local alignment in a zone other than UTC, where it changes anything. */
  private readonly zone: Zone | undefined;

  constructor(seconds: number, options?: CalcOptions) {
    if (!Number.isSafeInteger(seconds) || seconds <= 0) {
      throw new ConfigError(
        `RelativeTime step must be a positive whole number of seconds; got ${describe(seconds)}`,
      );
    }
    const { zone, align } = resolveOptions(options);
    this.seconds = seconds;
    this.step = { kind: 'relative', seconds };
    this.zone = align === 'local' && !zone.isUtc ? zone : undefined;
  }

  toBucket(t: number): number {
    // Boundaries fall on whole seconds, so flooring t first changes no bucket; it makes the
    // division one of integers, whose floor is exact (t / step itself can round up onto the
    // next boundary for a t a hair below it). `+ 0` turns -0 into 0.
    const second = Math.floor(t);
    const wall = this.zone === undefined ? second : this.zone.settledWall(second);
    return Math.floor(wall / this.seconds) + 0;
  }

  fromBucket(bucket: number): number {
    if (this.zone === undefined) return bucket * this.seconds;
    return this.zone.instantOf(bucket * this.seconds);
  }

  shift(bucket: number, n: number): number {
    return bucket + n;
  }

  size(bucket: number): number {
    if (this.zone === undefined) return this.seconds;
    return this.fromBucket(bucket + 1) - this.fromBucket(bucket);
  }
}
