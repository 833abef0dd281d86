import type { IntervalConfig } from '../config';
import type { Reply } from '../driver';
import type { RawBucket } from '../plan/read';

/** How replies become data: decoding (or `processRow`) and the join of names (or `joinRows`). */
export interface RowHooks {
  decode(reply: Reply): unknown;
  join(rows: unknown[]): unknown;
}

/**
 * One entry per interval bucket, names joined: the bucket's data when coarse, else a Map
 * of resolution start → data, ascending, holding only resolution buckets that have data.
 */
export function joinBuckets(
  interval: IntervalConfig,
  raw: RawBucket[][],
  hooks: RowHooks,
): unknown[] {
  const byName = raw.map((buckets) =>
    buckets.map((bucket) => decodeBucket(interval, bucket, hooks)),
  );
  const [only] = byName;
  if (byName.length === 1 && only) return only;
  const bucketCount = only?.length ?? 0;
  const out: unknown[] = [];
  for (let b = 0; b < bucketCount; b++) {
    const rows = byName.map((buckets) => buckets[b]);
    out.push(
      interval.coarse ? hooks.join(rows) : joinResolutions(rows as Map<number, unknown>[], hooks),
    );
  }
  return out;
}

function decodeBucket(interval: IntervalConfig, bucket: RawBucket, hooks: RowHooks): unknown {
  if (bucket.coarse) return hooks.decode(bucket.reply);
  const rows = new Map<number, unknown>();
  for (const [resolution, reply] of bucket.rows)
    rows.set(interval.r.fromBucket(resolution), hooks.decode(reply));
  return rows;
}

/** Joins names per resolution bucket; a name without that bucket contributes `undefined`. */
function joinResolutions(perName: Map<number, unknown>[], hooks: RowHooks): Map<number, unknown> {
  const starts = new Set<number>();
  for (const rows of perName) for (const start of rows.keys()) starts.add(start);
  const out = new Map<number, unknown>();
  for (const start of [...starts].sort((a, b) => a - b)) {
    out.set(start, hooks.join(perName.map((rows) => rows.get(start))));
  }
  return out;
}
