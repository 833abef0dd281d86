import type { IntervalConfig } from '../config';
import type { Transform } from '../options';
import type { SeriesType } from '../transforms';
import { runTransform } from './transform';

/** Merges rows keyed by time into one (condense, collapse). */
export type Merge = (rows: Map<number, unknown>) => unknown;

/** What shaping needs beyond the rows: the type, the merges and the transform. */
export interface Shaping {
  type: SeriesType;
  condense: Merge | undefined;
  collapse: Merge | undefined;
  transform: Transform<unknown> | undefined;
}

function transformed(shaping: Shaping, data: unknown, duration: number): unknown {
  return shaping.transform === undefined
    ? data
    : runTransform(shaping.type, shaping.transform, data, duration);
}

/** `get()`'s entries for one interval bucket. */
export function shapeGet(
  interval: IntervalConfig,
  bucket: number,
  row: unknown,
  shaping: Shaping,
): Map<number, unknown> {
  const { i, r } = interval;
  if (interval.coarse)
    return new Map([[i.fromBucket(bucket), transformed(shaping, row, i.size(bucket))]]);
  const rows = row as Map<number, unknown>;
  if (shaping.condense) {
    return new Map([
      [i.fromBucket(bucket), transformed(shaping, shaping.condense(rows), i.size(bucket))],
    ]);
  }
  const out = new Map<number, unknown>();
  for (const [start, data] of rows)
    out.set(start, transformed(shaping, data, r.size(r.toBucket(start))));
  return out;
}

/** `series()`'s entries: one per interval bucket (nested when fine), or one when collapsed. */
export function shapeSeries(
  interval: IntervalConfig,
  buckets: readonly number[],
  rows: readonly unknown[],
  shaping: Shaping,
): Map<number, unknown> {
  const { i } = interval;
  if (shaping.collapse) {
    const merged = new Map<number, unknown>();
    buckets.forEach((bucket, n) => {
      const row = rows[n];
      merged.set(
        i.fromBucket(bucket),
        interval.coarse ? row : (shaping.condense as Merge)(row as Map<number, unknown>),
      );
    });
    const first = buckets[0] as number;
    const last = buckets[buckets.length - 1] as number;
    const duration = i.fromBucket(last) + i.size(last) - i.fromBucket(first);
    return new Map([
      [i.fromBucket(first), transformed(shaping, shaping.collapse(merged), duration)],
    ]);
  }
  const out = new Map<number, unknown>();
  const flat = interval.coarse || shaping.condense !== undefined;
  buckets.forEach((bucket, n) => {
    const entries = shapeGet(interval, bucket, rows[n], shaping);
    out.set(i.fromBucket(bucket), flat ? entries.values().next().value : entries);
  });
  return out;
}
