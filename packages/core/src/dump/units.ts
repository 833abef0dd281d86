import type { IntervalConfig } from '../config';

/**
 * The smallest span an interval stores apart: a coarse interval's bucket, or a fine
 * interval's row (its resolution bucket, cut at the interval bucket's bounds when they
 * fall inside it). Units tile time: each instant is in exactly one.
 */
export interface Unit {
  bucket: number;
  /** Set for a fine interval. */
  resolution?: number;
  /** Unix seconds, inclusive. */
  start: number;
  /** Unix seconds, exclusive. */
  end: number;
}

/** The unit of a stored key (`resolution` for a fine interval's row). */
export function storedUnit(interval: IntervalConfig, bucket: number, resolution?: number): Unit {
  const { i, r } = interval;
  const start = i.fromBucket(bucket);
  const end = i.fromBucket(i.shift(bucket, 1));
  if (interval.coarse || resolution === undefined) return { bucket, start, end };
  return {
    bucket,
    resolution,
    start: Math.max(start, r.fromBucket(resolution)),
    end: Math.min(end, r.fromBucket(r.shift(resolution, 1))),
  };
}

/** The unit holding the instant `t`. */
export function unitAt(interval: IntervalConfig, t: number): Unit {
  const bucket = interval.i.toBucket(t);
  return storedUnit(interval, bucket, interval.coarse ? undefined : interval.r.toBucket(t));
}

/** True when `t` is where one of the interval's units starts. */
export function isBoundary(interval: IntervalConfig, t: number): boolean {
  return unitAt(interval, t).start === t;
}
