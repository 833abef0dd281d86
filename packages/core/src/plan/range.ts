import type { IntervalConfig } from '../config';
import { InvalidValueError } from '../errors';
import { bucketRange, nominalSeconds } from '../time';

/** The most interval buckets one `series()` call may span. */
export const MAX_RANGE_BUCKETS = 100_000;

/**
 * The interval buckets of a `series()` call, by kairos' rules: start+end → both inclusive;
 * only start → `steps` buckets from it; only end → `steps` buckets ending at it; neither →
 * `steps` buckets ending now. A start after the end reads the start's bucket alone.
 */
export function seriesBuckets(
  interval: IntervalConfig,
  start: number | undefined,
  end: number | undefined,
  steps: number,
  now: number,
): number[] {
  const { i } = interval;
  let first: number;
  let last: number;
  if (start !== undefined && end !== undefined) {
    first = i.toBucket(start);
    last = Math.max(first, i.toBucket(end));
  } else if (start !== undefined) {
    first = i.toBucket(start);
    last = i.shift(first, steps - 1);
  } else {
    last = i.toBucket(end ?? now);
    first = i.shift(last, -(steps - 1));
  }
  const count =
    i.step.kind === 'relative'
      ? last - first + 1
      : Math.round((i.fromBucket(last) - i.fromBucket(first)) / nominalSeconds(i.step)) + 1;
  if (count > MAX_RANGE_BUCKETS) {
    throw new InvalidValueError(
      `series() of ${JSON.stringify(interval.name)} would read ${count} buckets; at most ${MAX_RANGE_BUCKETS} (narrow start/end or steps)`,
    );
  }
  return bucketRange(i, first, last);
}
