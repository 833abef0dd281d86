import type { Config, IntervalConfig } from '../config';
import type { Command } from '../driver';
import { intervalKey, nameKey, resolutionKey } from '../keys';
import type { KeyWrites, StoredValue } from '../types';

/**
 * Coalesces the writes of one chunk: one command per key (RPUSH with every value, summed
 * INCRBYFLOAT, summed HINCRBY per field, the last SET, one SADD), one EXPIRE per key.
 */
export class WriteBatch {
  private readonly writes = new Map<string, KeyWrites>();
  private readonly indexes = new Map<string, Set<number>>();
  private readonly ttls = new Map<string, number>();
  /** The intervals and now's bucket in each, as arrays: the hot loop allocates no iterator. */
  private readonly intervals: IntervalConfig[];
  private readonly nowBuckets: number[];
  /** Per name, the key each interval wrote last: consecutive values mostly share it. */
  private readonly recent = new Map<string, RecentKey[]>();
  /** Values added so far (each counted once, whatever the number of intervals). */
  size = 0;

  constructor(
    private readonly config: Config,
    now: number,
  ) {
    this.intervals = [...config.intervals.values()];
    this.nowBuckets = this.intervals.map((iv) => iv.i.toBucket(now));
  }

  /** Plans one value into every interval, and into `shift` more buckets (kairos "intervals"). */
  add(name: string, timestamp: number, value: StoredValue, shift = 0): void {
    this.size++;
    let recent = this.recent.get(name);
    if (!recent) {
      recent = this.intervals.map(() => ({ bucket: NaN, resolution: NaN }));
      this.recent.set(name, recent);
    }
    let base: string | undefined;
    for (let n = 0; n < this.intervals.length; n++) {
      const interval = this.intervals[n]!;
      const nowBucket = this.nowBuckets[n]!;
      const bucket = interval.i.toBucket(timestamp);
      const resolution = interval.coarse ? bucket : interval.r.toBucket(timestamp);
      const last = recent[n]!;
      if (last.bucket === bucket && last.resolution === resolution) {
        // Same key as this name's previous value: its index entry and TTL are planned.
        last.writes?.add(value);
      } else {
        base ??= nameKey(this.config.layout, name);
        last.bucket = bucket;
        last.resolution = resolution;
        last.writes = this.addToBucket(interval, base, bucket, resolution, value, nowBucket);
      }
      if (shift === 0) continue;
      base ??= nameKey(this.config.layout, name);
      const direction = Math.sign(shift);
      for (let k = direction; k !== 0 && Math.abs(k) <= Math.abs(shift); k += direction) {
        // Extra buckets get the value at their start, as kairos' normalized timestamps did.
        const shifted = interval.i.shift(bucket, k);
        const start = interval.i.fromBucket(shifted);
        this.addToBucket(interval, base, shifted, interval.r.toBucket(start), value, nowBucket);
      }
    }
  }

  private addToBucket(
    interval: IntervalConfig,
    base: string,
    bucket: number,
    resolution: number,
    value: StoredValue,
    nowBucket: number,
  ): KeyWrites | undefined {
    const ttl = expiry(interval, bucket, nowBucket);
    if (ttl !== undefined && ttl <= 0) return undefined; // older than `steps` buckets: kairos skips it
    const iKey = intervalKey(base, interval.name, bucket);
    let key = iKey;
    if (!interval.coarse) {
      key = resolutionKey(iKey, resolution);
      const index = this.indexes.get(iKey);
      if (index) index.add(resolution);
      else this.indexes.set(iKey, new Set([resolution]));
      if (ttl !== undefined) this.ttls.set(iKey, ttl);
    }
    let writes = this.writes.get(key);
    if (!writes) {
      writes = this.config.type.createWrites();
      this.writes.set(key, writes);
    }
    writes.add(value);
    if (ttl !== undefined) this.ttls.set(key, ttl);
    return writes;
  }

  /** The coalesced commands; EXPIRE last so that it finds the keys written before it. */
  commands(): Command[] {
    const out: Command[] = [];
    // forEach: for…of over a Map allocates a [key, value] pair per entry.
    this.writes.forEach((writes, key) => {
      for (const command of writes.commands(key)) out.push(command);
    });
    this.indexes.forEach((buckets, key) => {
      out.push(['SADD', key, ...buckets]);
    });
    this.ttls.forEach((ttl, key) => {
      out.push(['EXPIRE', key, ttl]);
    });
    return out;
  }
}

/** The key one interval of one name wrote last; `writes` is unset when it was skipped. */
interface RecentKey {
  bucket: number;
  resolution: number;
  writes?: KeyWrites | undefined;
}

/**
 * Seconds until a bucket is `steps` buckets old, counted from the start of now's bucket
 * as kairos did; undefined when the interval keeps data forever.
 */
export function expiry(
  interval: IntervalConfig,
  bucket: number,
  nowBucket: number,
): number | undefined {
  if (interval.steps === undefined) return undefined;
  const { i } = interval;
  return Math.ceil(i.fromBucket(i.shift(bucket, interval.steps)) - i.fromBucket(nowBucket));
}
