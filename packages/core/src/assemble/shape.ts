import type { IntervalConfig } from '../config';
import type { Transform } from '../options';
import type { SeriesType } from '../transforms';
import type { Fill } from './fill';
import { runTransform } from './transform';

/** Merges rows keyed by time into one (condense, collapse). */
export type Merge = (rows: Map<number, unknown>) => unknown;

/** What shaping needs beyond the rows: the type, the merges and the transform. */
export interface Shaping {
  type: SeriesType;
  condense: Merge | undefined;
  collapse: Merge | undefined;
  transform: Transform<unknown> | undefined;
  /** Set: a fine bucket gives every resolution row, `empty()` where none holds data. */
  fill?: Fill | undefined;
  /** The data of a row without data (the decoded nil reply). */
  empty?: () => unknown;
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
  if (shaping.condense) {
    const rows = row as Map<number, unknown>;
    return new Map([
      [i.fromBucket(bucket), transformed(shaping, shaping.condense(rows), i.size(bucket))],
    ]);
  }
  const rows =
    shaping.fill === undefined
      ? (row as Map<number, unknown>)
      : everyRow(interval, bucket, row as Map<number, unknown>, shaping.empty);
  const out = new Map<number, unknown>();
  for (const [start, data] of rows)
    out.set(start, transformed(shaping, data, r.size(r.toBucket(start))));
  return out;
}

/** Every resolution row of a fine interval bucket, `empty()` where `rows` has none. */
function everyRow(
  interval: IntervalConfig,
  bucket: number,
  rows: Map<number, unknown>,
  empty: (() => unknown) | undefined,
): Map<number, unknown> {
  const { i, r } = interval;
  const end = i.fromBucket(bucket) + i.size(bucket);
  const out = new Map<number, unknown>();
  for (let id = r.toBucket(i.fromBucket(bucket)); r.fromBucket(id) < end; id = r.shift(id, 1)) {
    const start = r.fromBucket(id);
    out.set(start, rows.has(start) ? rows.get(start) : empty?.());
  }
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
