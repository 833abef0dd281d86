import type { IntervalConfig } from '../config';
import { InvalidValueError } from '../errors';
import { bucketRange } from '../time';

/** The most interval buckets one `series()` call may span. */
export const MAX_RANGE_BUCKETS = 1_000_000;

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
  if (interval.i.step.kind === 'relative' && last - first >= MAX_RANGE_BUCKETS) {
    throw new InvalidValueError(
      `series() range spans ${last - first + 1} buckets of ${JSON.stringify(interval.name)}; at most ${MAX_RANGE_BUCKETS}`,
    );
  }
  return bucketRange(i, first, last);
}
