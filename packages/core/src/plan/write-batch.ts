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
  private readonly nowBuckets: Map<IntervalConfig, number>;
  /** Values added so far (each counted once, whatever the number of intervals). */
  size = 0;

  constructor(
    private readonly config: Config,
    now: number,
  ) {
    this.nowBuckets = new Map(
      Array.from(config.intervals.values(), (iv) => [iv, iv.i.toBucket(now)]),
    );
  }

  /** Plans one value into every interval, and into `shift` more buckets (kairos "intervals"). */
  add(name: string, timestamp: number, value: StoredValue, shift = 0): void {
    this.size++;
    const base = nameKey(this.config.layout, name);
    for (const [interval, nowBucket] of this.nowBuckets) {
      const bucket = interval.i.toBucket(timestamp);
      this.addToBucket(interval, base, bucket, interval.r.toBucket(timestamp), value, nowBucket);
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
  ): void {
    const ttl = expiry(interval, bucket, nowBucket);
    if (ttl !== undefined && ttl <= 0) return; // older than `steps` buckets: kairos skips it
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
  }

  /** The coalesced commands; EXPIRE last so that it finds the keys written before it. */
  commands(): Command[] {
    const out: Command[] = [];
    for (const [key, writes] of this.writes)
      for (const command of writes.commands(key)) out.push(command);
    for (const [key, buckets] of this.indexes) out.push(['SADD', key, ...buckets]);
    for (const [key, ttl] of this.ttls) out.push(['EXPIRE', key, ttl]);
    return out;
  }
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
