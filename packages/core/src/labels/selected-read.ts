import { joinBuckets, type RowHooks } from '../assemble/rows';
import type { Config, IntervalConfig } from '../config';
import { type Exec, type Fetch, type RawBucket, readRaw } from '../plan/read';
import { reduceResults } from './reduce';
import type { CheckedSelector } from './selector';

/** Interval keys per data pipeline of a read by selector. */
const PIPELINE_KEYS = 4_096;

/** Turns one key's joined rows (one per bucket) into its result Map. */
export type Shape = (rows: unknown[]) => Map<number, unknown>;

/** What a read by selector needs from the Timeseries. */
export interface SelectedRead {
  config: Config;
  interval: IntervalConfig;
  fetch: Fetch;
  hooks: RowHooks;
  exec: Exec;
}

/**
 * Reads every name of every group in one go (at most two round trips, as a joined read),
 * then builds each key's result: the group's raw data joined and shaped, or with `reduce`
 * each name shaped alone and the results reduced. `nested`: the results are Maps of Maps.
 */
export async function readSelected(
  read: SelectedRead,
  selector: CheckedSelector,
  groups: ReadonlyMap<string, readonly string[]>,
  buckets: readonly number[],
  shape: Shape,
  nested: boolean,
): Promise<Map<string, Map<number, unknown>>> {
  const names = [...new Set([...groups.values()].flat())];
  // Concurrent pipelines of a bounded size: one pipeline of every key of 100 names is slower
  // for a client to build and parse than several, and the round trips stay the same.
  const perRead = Math.max(1, Math.floor(PIPELINE_KEYS / Math.max(1, buckets.length)));
  const parts: Promise<RawBucket[][]>[] = [];
  for (let n = 0; n < names.length; n += perRead) {
    const part = names.slice(n, n + perRead);
    parts.push(readRaw(read.config, read.interval, part, buckets, read.fetch, read.exec));
  }
  const raw = (await Promise.all(parts)).flat();
  const rawOf = new Map(names.map((name, n) => [name, raw[n] as RawBucket[]]));
  const rowsOf = (members: readonly string[]) =>
    joinBuckets(
      read.interval,
      members.map((name) => rawOf.get(name) as RawBucket[]),
      read.hooks,
    );
  const out = new Map<string, Map<number, unknown>>();
  for (const [key, members] of groups) {
    const { reduce } = selector;
    out.set(
      key,
      reduce === undefined
        ? shape(rowsOf(members))
        : reduceResults(
            members.map((name) => shape(rowsOf([name]))),
            reduce,
            nested,
          ),
    );
  }
  return out;
}
