import type { IntervalConfig } from '../config';
import { InvalidValueError } from '../errors';
import { expiry } from '../plan/write-batch';
import { nominalSeconds } from '../time';
import { checkNames } from '../validate';
import { CODECS } from './codecs';
import { type BucketKey, bucketKeys, KEYS_PER_READ, readBuckets } from './dump';
import { internalsOf, type SeriesInternals } from './internals';
import { mergeData } from './merge';
import type { DumpData, DumpRecord } from './record';
import { restoreRecords } from './restore';
import { isBoundary, storedUnit, type Unit, unitAt } from './units';

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** Only these series names (default: every name the source holds). */
  names?: readonly string[];
  /** Plan only: read the source, write nothing. */
  dryRun?: boolean;
  /** Called after each name is done, with the names done and the names found (for progress). */
  onName?: (done: number, total: number) => void;
}

/** What {@link migrate} did (or, in a dry run, would do) for one target interval. */
export interface MigrationInterval {
  /** The target interval's name. */
  interval: string;
  /** Target buckets (coarse buckets or fine rows) derived, by the source interval used. */
  sources: Record<string, number>;
  /** Target buckets written (dry run: to write). */
  buckets: number;
  /** Values written (dry run: to write), as `restore` counts them. */
  values: number;
  /** Derivable target buckets older than the target interval keeps (`steps`): not written. */
  expired: number;
  /** Target buckets that hold source data but cannot be derived exactly: not written. */
  underivable: number;
  /** Why buckets are underivable, one sentence each. */
  reasons: string[];
  /**
   * The target is the source's own storage and this interval is defined alike in both:
   * its buckets are the source's and are left as they are.
   */
  unchanged?: boolean;
}

/** The result of {@link migrate}. */
export interface MigrationReport {
  dryRun: boolean;
  /** Series names read from the source. */
  names: number;
  intervals: MigrationInterval[];
}

/** Target units one source bucket may be checked against (a yearly source, a minute target). */
const UNITS_PER_SOURCE_MAX = 100_000;

const REASON_FINER = 'its buckets are finer than any source bucket';
const REASON_CUT = 'its bucket bounds cut source buckets (another alignment or time zone)';
const REASON_RETENTION = 'the source intervals that align with it no longer keep that time';

/**
 * Rebuilds the target's buckets from what the source has stored: each target bucket (or fine
 * row) from the finest source interval that covers it exactly and still keeps its time —
 * series values in order, histogram counts summed, counts summed, sets united, the last gauge
 * value. A target bucket that no source interval covers exactly is counted as underivable,
 * with the reason, and never written. Target buckets get the target's TTLs, and those older
 * than its `steps` are skipped. The source is only read. When the target shares the source's
 * driver and key layout, an interval defined alike in both is left as it is, and one of the
 * same name defined otherwise is refused (writing it would change the source).
 *
 * @example
 * ```ts
 * const plan = await migrate(minutes, minutesAndHours, { dryRun: true });
 * for (const i of plan.intervals) console.log(i.interval, i.buckets, i.underivable, i.reasons);
 * ```
 * @throws InvalidValueError when the types differ, or the target would overwrite the source.
 */
export async function migrate(
  from: object,
  to: object,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  const source = internalsOf(from);
  const target = internalsOf(to);
  if (source.config.type.type !== target.config.type.type) {
    throw new InvalidValueError(
      `migrate copies between series of one type; the source is a ${source.config.type.type}, the target a ${target.config.type.type}`,
    );
  }
  const names = options.names === undefined ? undefined : [...new Set(checkNames(options.names))];
  const dryRun = options.dryRun === true;
  const unchanged = await sharedIntervals(source, target);
  const plans = [...target.config.intervals.values()].map((interval) => ({
    interval,
    report: {
      interval: interval.name,
      sources: {},
      buckets: 0,
      values: 0,
      expired: 0,
      underivable: 0,
      reasons: [],
      ...(unchanged.has(interval.name) ? { unchanged: true } : {}),
    } as MigrationInterval,
  }));
  const active = plans.filter(({ interval }) => !unchanged.has(interval.name));
  // Finest first: the first one that fits a target unit is the one to use.
  const candidates = [...source.config.intervals.values()].sort(
    (a, b) => nominalSeconds(a.r.step) - nominalSeconds(b.r.step),
  );
  const sourceNow = source.config.clock();
  const targetNow = target.config.clock();

  const byName = new Map<string, BucketKey[]>();
  for await (const key of bucketKeys(source, names, new Set(source.config.intervals.values()))) {
    const list = byName.get(key.parsed.name);
    if (list) list.push(key);
    else byName.set(key.parsed.name, [key]);
  }
  const codec = CODECS[target.config.type.type];
  let done = 0;
  for (const [name, keys] of byName) {
    // One name at a time: memory holds one name's data, not the whole source.
    const records = await readAll(source, keys);
    const out: DumpRecord[] = [];
    for (const { interval, report } of active) {
      const units = deriveUnits(interval, records, candidates, sourceNow, report);
      const nowBucket = interval.i.toBucket(targetNow);
      for (const unit of units.values()) {
        const ttl = expiry(interval, unit.target.bucket, nowBucket);
        if (ttl !== undefined && ttl <= 0) {
          report.expired += 1;
          continue;
        }
        const data = mergeData(target.config.type.type, unit.parts);
        report.buckets += 1;
        report.values += data === null ? 0 : codec.values(data);
        report.sources[unit.source.name] = (report.sources[unit.source.name] ?? 0) + 1;
        out.push({
          name,
          interval: interval.name,
          type: target.config.type.type,
          bucket: unit.target.bucket,
          start: interval.i.fromBucket(unit.target.bucket),
          ...(unit.target.resolution === undefined ? {} : { resolution: unit.target.resolution }),
          ttl: ttl ?? null,
          data,
        });
      }
    }
    if (!dryRun && out.length) await restoreRecords(target, out);
    done += 1;
    options.onName?.(done, byName.size);
  }
  for (const { report } of plans) report.reasons.sort();
  return { dryRun, names: byName.size, intervals: plans.map(({ report }) => report) };
}

/** One target unit to write: where, from which source interval, from which data. */
interface DerivedUnit {
  target: Unit;
  source: IntervalConfig;
  /** The source records' data, in time order. */
  parts: (DumpData | null)[];
}

/**
 * The target units of one interval that one name's source records make, each with the
 * source data it is built from; counts the underivable ones in `report`.
 */
function deriveUnits(
  interval: IntervalConfig,
  records: readonly DumpRecord[],
  candidates: readonly IntervalConfig[],
  sourceNow: number,
  report: MigrationInterval,
): Map<number, DerivedUnit> {
  const chosen = new Map<number, IntervalConfig | string>();
  const choose = (unit: Unit) => {
    let found = chosen.get(unit.start);
    if (found === undefined) {
      found = chooseSource(unit, candidates, sourceNow);
      chosen.set(unit.start, found);
      if (typeof found === 'string') {
        report.underivable += 1;
        if (!report.reasons.includes(found)) report.reasons.push(found);
      }
    }
    return found;
  };
  const found: Array<{ unit: Unit; source: IntervalConfig; from: number; data: DumpData | null }> =
    [];
  for (const record of records) {
    const from = candidates.find((c) => c.name === record.interval) as IntervalConfig;
    const span = storedUnit(from, record.bucket, record.resolution);
    let t = span.start;
    for (let n = 0; t < span.end && n < UNITS_PER_SOURCE_MAX; n++) {
      const unit = unitAt(interval, t);
      if (choose(unit) === from)
        found.push({ unit, source: from, from: span.start, data: record.data });
      if (unit.end <= t) break;
      t = unit.end;
    }
  }
  // Records come in SCAN order; data merges in time order.
  found.sort((a, b) => a.from - b.from);
  const units = new Map<number, DerivedUnit>();
  for (const { unit, source, data } of found) {
    const known = units.get(unit.start);
    if (known) known.parts.push(data);
    else units.set(unit.start, { target: unit, source, parts: [data] });
  }
  return units;
}

/** The finest source interval that covers the unit exactly and keeps its time, or why none does. */
function chooseSource(
  unit: Unit,
  candidates: readonly IntervalConfig[],
  now: number,
): IntervalConfig | string {
  let aligned = false;
  for (const source of candidates) {
    if (!isBoundary(source, unit.start) || !isBoundary(source, unit.end)) continue;
    aligned = true;
    if (keeps(source, unit.start, now)) return source;
  }
  if (aligned) return REASON_RETENTION;
  const finest = candidates[0];
  return finest && unit.end - unit.start < finest.r.size(finest.r.toBucket(unit.start))
    ? REASON_FINER
    : REASON_CUT;
}

/** True when the source interval still keeps the bucket holding `t` (its TTL has not run out). */
function keeps(source: IntervalConfig, t: number, now: number): boolean {
  if (source.steps === undefined) return true;
  const { i } = source;
  return i.toBucket(t) > i.shift(i.toBucket(now), -source.steps);
}

async function readAll(series: SeriesInternals, keys: readonly BucketKey[]): Promise<DumpRecord[]> {
  const out: DumpRecord[] = [];
  for (let n = 0; n < keys.length; n += KEYS_PER_READ) {
    for (const records of await readBuckets(series, keys.slice(n, n + KEYS_PER_READ))) {
      for (const record of records) out.push(record);
    }
  }
  return out;
}

/**
 * The intervals the target would write onto the source's own keys: same storage (shown by a
 * probe key), same key layout, same interval name. Alike: left alone. Otherwise: refused.
 */
async function sharedIntervals(source: SeriesInternals, target: SeriesInternals) {
  const shared = new Set<string>();
  const a = source.config.layout;
  const b = target.config.layout;
  if (a.prefix !== b.prefix || a.hashTag !== b.hashTag) return shared;
  const names = [...target.config.intervals.keys()].filter((n) => source.config.intervals.has(n));
  if (names.length === 0 || !(await sameStorage(source, target))) return shared;
  for (const name of names) {
    const mine = JSON.stringify(source.description.intervals[name]);
    const theirs = JSON.stringify(target.description.intervals[name]);
    if (mine !== theirs || source.description.timezone !== target.description.timezone) {
      throw new InvalidValueError(
        `interval ${JSON.stringify(name)} is defined otherwise in the target, which writes to the source's own keys; migrate into another prefix (or rename the interval)`,
      );
    }
    shared.add(name);
  }
  return shared;
}

/** True when a key written through the target is seen through the source. */
async function sameStorage(source: SeriesInternals, target: SeriesInternals): Promise<boolean> {
  if (source.driver === target.driver) return true;
  // `{…}` keeps the probe out of every name's keys in either layout, and on one cluster slot.
  const key = `${target.config.layout.prefix}{kairos-migrate-probe}:${Math.random().toString(36).slice(2)}`;
  await target.exec([['SET', key, '1', 'PX', 60_000]]);
  try {
    const [found] = await source.exec([['EXISTS', key]]);
    return Number(found) === 1;
  } finally {
    await target.exec([['DEL', key]]);
  }
}
