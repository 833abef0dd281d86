import type { Config, IntervalConfig } from '../config';
import type { Command, Reply } from '../driver';
import { intervalKey, nameKey, resolutionKey } from '../keys';

/** Replaces the read command of a bucket key (the `fetch` read option). */
export type Fetch = (key: string) => Command;

/** The raw replies of one name in one interval bucket. */
export type RawBucket =
  | { coarse: true; reply: Reply }
  | { coarse: false; rows: [resolution: number, reply: Reply][] };

/** Runs one pipeline; the Timeseries wraps the driver. */
export type Exec = (commands: Command[]) => Promise<Reply[]>;

/**
 * Reads `names` × `buckets` of one interval in at most two round trips: (1) every coarse
 * bucket, or every fine interval's SMEMBERS; (2) every resolution bucket found.
 * Returns raw[name][bucket].
 */
export async function readRaw(
  config: Config,
  interval: IntervalConfig,
  names: readonly string[],
  buckets: readonly number[],
  fetch: Fetch,
  exec: Exec,
): Promise<RawBucket[][]> {
  const keys = names.map((name) => {
    const base = nameKey(config.layout, name);
    return buckets.map((bucket) => intervalKey(base, interval.name, bucket));
  });
  const first = keys.flat();
  const replies = await exec(
    first.map((key) => (interval.coarse ? fetch(key) : ['SMEMBERS', key])),
  );
  if (interval.coarse)
    return chunk(
      replies.map((reply) => ({ coarse: true, reply })),
      buckets.length,
    );

  const members = replies.map((reply) => sortedBuckets(reply));
  const second: Command[] = [];
  first.forEach((iKey, i) => {
    for (const resolution of members[i] ?? []) second.push(fetch(resolutionKey(iKey, resolution)));
  });
  const rowReplies = second.length ? await exec(second) : [];
  let next = 0;
  const raw = members.map(
    (list): RawBucket => ({
      coarse: false,
      rows: list.map((resolution) => [resolution, rowReplies[next++] ?? null]),
    }),
  );
  return chunk(raw, buckets.length);
}

/** SMEMBERS of a fine interval key as ascending resolution bucket ids. */
function sortedBuckets(reply: Reply): number[] {
  if (!Array.isArray(reply)) return [];
  return reply
    .map(Number)
    .filter((n) => Number.isInteger(n))
    .sort((a, b) => a - b);
}

function chunk<T>(items: T[], size: number): T[][] {
  if (size <= 0) return [];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
