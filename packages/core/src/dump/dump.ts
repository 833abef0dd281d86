import type { IntervalConfig } from '../config';
import type { Reply } from '../driver';
import { escapeGlob, nameKey, type ParsedKey, parseKey } from '../keys';
import { checkInterval, checkNames } from '../validate';
import { CODECS } from './codecs';
import type { SeriesInternals } from './internals';
import type { DumpOptions, DumpRecord } from './record';

/** Keys read per pipeline: bounds memory to a few hundred buckets at a time. */
export const KEYS_PER_READ = 256;

/** A stored bucket key of this schema, taken apart. */
export interface BucketKey {
  key: string;
  parsed: ParsedKey;
  interval: IntervalConfig;
}

/**
 * Every bucket key (coarse bucket or fine row, never a fine interval's index) of the given
 * names (default all) and intervals, as SCAN finds them. A key of a configured interval
 * whose shape does not fit it (a row of a coarse interval) is not this schema's and is left.
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
      if (!parsed || (wanted && !wanted.has(parsed.name))) continue;
      const interval = series.config.intervals.get(parsed.interval);
      if (!interval || !intervals.has(interval)) continue;
      if (interval.coarse !== (parsed.resolution === undefined)) continue;
      yield { key, parsed, interval };
    }
  }
}

/**
 * Reads buckets in one pipeline (the data and PTTL of each), as records in the order of
 * `keys`; undefined for a key gone meanwhile.
 */
export async function readBuckets(
  series: SeriesInternals,
  keys: readonly BucketKey[],
): Promise<(DumpRecord | undefined)[]> {
  const { type } = series.config;
  const codec = CODECS[type.type];
  const replies = await series.exec(
    keys.flatMap(({ key }) => [type.readCommand(key), ['PTTL', key] as const]),
  );
  return keys.map(({ parsed, interval }, n): DumpRecord | undefined => {
    const data = codec.fromReply(replies[2 * n] as Reply);
    const pttl = Number(replies[2 * n + 1]);
    if (data === undefined || pttl === -2) return undefined;
    // Key order as a file shows it: where, then how long, then what.
    return {
      name: parsed.name,
      interval: interval.name,
      type: type.type,
      bucket: parsed.bucket,
      start: interval.i.fromBucket(parsed.bucket),
      ...(parsed.resolution === undefined ? {} : { resolution: parsed.resolution }),
      ttl: pttl >= 0 ? pttl / 1000 : null,
      data,
    };
  });
}

async function readRecords(series: SeriesInternals, keys: readonly BucketKey[]) {
  const records = await readBuckets(series, keys);
  return records.filter((record): record is DumpRecord => record !== undefined);
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
