import type { IntervalConfig } from '../config';
import type { Command, Reply } from '../driver';
import { escapeGlob, nameKey, type ParsedKey, parseKey, resolutionKey } from '../keys';
import { replyStrings } from '../types/type-def';
import { checkInterval, checkNames } from '../validate';
import { CODECS } from './codecs';
import type { SeriesInternals } from './internals';
import type { DumpOptions, DumpRecord } from './record';

/** Keys read per pipeline pair: bounds memory to a few hundred buckets at a time. */
export const KEYS_PER_READ = 256;

/** A stored bucket key of this schema, taken apart. */
export interface BucketKey {
  key: string;
  parsed: ParsedKey;
  interval: IntervalConfig;
}

/**
 * Every bucket key of the given names (default all) and intervals, as SCAN finds them: a
 * coarse bucket, or a fine interval bucket's index (its rows are read through it, as reads
 * do: a row key no index lists is not part of the series). A key of a configured interval
 * whose shape does not fit it is not this schema's and is left.
 */
export async function* bucketKeys(
  series: SeriesInternals,
  names: readonly string[] | undefined,
  intervals: ReadonlySet<IntervalConfig>,
): AsyncGenerator<BucketKey> {
  const { layout } = series.config;
  const matches = names
    ? names.map((name) => `${escapeGlob(nameKey(layout, name))}:*`)
    : [`${escapeGlob(layout.prefix)}*`];
  const wanted = names ? new Set(names) : undefined;
  for (const match of matches) {
    for await (const key of series.scan(match)) {
      const parsed = parseKey(layout, key);
      if (!parsed || parsed.resolution !== undefined) continue;
      if (wanted && !wanted.has(parsed.name)) continue;
      const interval = series.config.intervals.get(parsed.interval);
      if (!interval || !intervals.has(interval)) continue;
      yield { key, parsed, interval };
    }
  }
}

/**
 * Reads buckets in at most two pipelines: every coarse bucket and fine index with its PTTL,
 * then every row the indexes list (with the TTL of its bucket). Records come in the order of `keys` (a
 * fine bucket's rows ascending); a key gone meanwhile has none. A listed row whose key is
 * missing (a count row that only ever took 0) is a record with `data: null`, as reads show it.
 */
export async function readBuckets(
  series: SeriesInternals,
  keys: readonly BucketKey[],
): Promise<DumpRecord[][]> {
  const { type } = series.config;
  const codec = CODECS[type.type];
  const first = await series.exec(
    keys.flatMap(({ key, interval }): Command[] => [
      interval.coarse ? type.readCommand(key) : ['SMEMBERS', key],
      ['PTTL', key],
    ]),
  );
  const rows: Command[] = [];
  const members = keys.map(({ key, interval }, n) => {
    if (interval.coarse) return [];
    const ids = replyStrings(first[2 * n] as Reply)
      .map(Number)
      .filter(Number.isSafeInteger)
      .sort((a, b) => a - b);
    for (const id of ids) rows.push(type.readCommand(resolutionKey(key, id)));
    return ids;
  });
  const second = rows.length ? await series.exec(rows) : [];
  let next = 0;
  return keys.map(({ parsed, interval }, n) => {
    const base = {
      name: parsed.name,
      interval: interval.name,
      type: type.type,
      bucket: parsed.bucket,
      start: interval.i.fromBucket(parsed.bucket),
    };
    const ttl = ttlOf(first[2 * n + 1] as Reply);
    if (interval.coarse) {
      const data = codec.fromReply(first[2 * n] as Reply);
      return data === undefined || ttl === undefined ? [] : [{ ...base, ttl, data }];
    }
    const ids = members[n] as number[];
    const data = ids.map(() => codec.fromReply(second[next++] as Reply) ?? null);
    // Gone between SMEMBERS and PTTL (it expired): its rows went with it.
    if (ttl === undefined) return [];
    // A bucket's rows expire with it (every write sets the same TTL on both), so its PTTL
    // stands for theirs: one command per row instead of two, the bulk of a dump's cost.
    // Key order as a file shows it: where, then how long, then what.
    return ids.map(
      (resolution, k): DumpRecord => ({ ...base, resolution, ttl, data: data[k] ?? null }),
    );
  });
}

/** A PTTL reply in seconds: null for no expiry, undefined for a missing key. */
function ttlOf(reply: Reply): number | null | undefined {
  const pttl = Number(reply);
  return pttl === -2 ? undefined : pttl >= 0 ? pttl / 1000 : null;
}

async function readRecords(series: SeriesInternals, keys: readonly BucketKey[]) {
  return (await readBuckets(series, keys)).flat();
}

/**
 * `Timeseries.dump`: one record per stored bucket, read {@link KEYS_PER_READ} keys per
 * pipeline while SCAN goes on, so memory stays bounded whatever the data set.
 */
export function dumpRecords(
  series: SeriesInternals,
  names: string | readonly string[] | undefined,
  options: DumpOptions = {},
): AsyncIterable<DumpRecord> {
  const checked = names === undefined ? undefined : [...new Set(checkNames(names))];
  const intervals = new Set(
    options.intervals === undefined
      ? series.config.intervals.values()
      : options.intervals.map((name) => checkInterval(series.config, name)),
  );
  return {
    async *[Symbol.asyncIterator]() {
      let batch: BucketKey[] = [];
      // One read in flight while SCAN fills the next batch.
      let reading: Promise<DumpRecord[]> | undefined;
      for await (const key of bucketKeys(series, checked, intervals)) {
        batch.push(key);
        if (batch.length < KEYS_PER_READ) continue;
        const next = readRecords(series, batch);
        next.catch(() => undefined);
        batch = [];
        if (reading) yield* await reading;
        reading = next;
      }
      if (reading) yield* await reading;
      if (batch.length) yield* await readRecords(series, batch);
    },
  };
}
