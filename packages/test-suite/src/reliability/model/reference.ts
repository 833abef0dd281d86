import { calcOf, type ModelCalc, type ModelStep, sameStep } from '../../support/time';
import {
  bucketData,
  type ModelTransform,
  type ModelType,
  merge,
  transform,
  type Written,
} from './types';

/** One interval of a model config. */
export interface ModelInterval {
  step: ModelStep;
  resolution?: ModelStep;
  steps?: number;
}

/** The options of a Timeseries that the model follows. */
export interface ModelConfig {
  type: ModelType;
  intervals: Record<string, ModelInterval>;
}

/** Read options the model supports. */
export interface ModelRead {
  condense?: boolean;
  transform?: ModelTransform;
}

/** Range options of `series()`. */
export interface ModelRange extends ModelRead {
  start?: number;
  end?: number;
  steps?: number;
  collapse?: boolean;
}

interface Interval {
  name: string;
  coarse: boolean;
  steps: number | undefined;
  i: ModelCalc;
  r: ModelCalc;
}

/** name → interval → bucket → resolution start → writes in arrival order. */
type Store = Map<string, Map<string, Map<number, Map<number, Written[]>>>>;

/**
 * The documented semantics (README, docs/ARCHITECTURE.md) over plain Maps, with no Redis and no knowledge of keys beyond
 * "a bucket that received a write exists": a deliberately naive implementation to compare
 * the real one against.
 */
export class ReferenceModel {
  private readonly store: Store = new Map();
  private readonly intervals: Interval[];

  constructor(
    private readonly config: ModelConfig,
    private readonly now: () => number,
  ) {
    this.intervals = Object.entries(config.intervals).map(([name, o]) => ({
      name,
      coarse: o.resolution === undefined || sameStep(o.step, o.resolution),
      steps: o.steps,
      i: calcOf(o.step),
      r: calcOf(o.resolution ?? o.step),
    }));
  }

  /** `insert`/`bulkInsert`: each value into every interval, and `shift` buckets more. */
  write(name: string, values: readonly Written[], timestamp: number | null, shift = 0): void {
    const t = timestamp ?? this.now();
    for (const value of values) {
      for (const iv of this.intervals) {
        const bucket = iv.i.index(t);
        this.add(iv, name, bucket, iv.r.start(iv.r.index(t)), value);
        const dir = Math.sign(shift);
        for (let k = dir; k !== 0 && Math.abs(k) <= Math.abs(shift); k += dir) {
          // A shifted copy lands at the start of its bucket.
          const start = iv.i.start(bucket + k);
          this.add(iv, name, bucket + k, iv.r.start(iv.r.index(start)), value);
        }
      }
    }
  }

  private add(iv: Interval, name: string, bucket: number, resolution: number, value: Written) {
    // Older than `steps` buckets: skipped, as kairos does.
    if (iv.steps !== undefined && bucket + iv.steps <= iv.i.index(this.now())) return;
    const byInterval = getOr(this.store, name, () => new Map());
    const buckets = getOr(byInterval, iv.name, () => new Map());
    const rows = getOr(buckets, bucket, () => new Map());
    getOr(rows, iv.coarse ? iv.i.start(bucket) : resolution, () => []).push(value);
  }

  /** `delete(name)`: the number of keys the name had. */
  delete(name: string): number {
    const n = this.keyCount(name);
    this.store.delete(name);
    return n;
  }

  /** `deleteAll()`. */
  deleteAll(): number {
    let n = 0;
    for (const name of [...this.store.keys()]) n += this.delete(name);
    return n;
  }

  /** Keys: one per coarse bucket; per fine bucket its index plus one per resolution row. */
  private keyCount(name: string): number {
    let n = 0;
    for (const iv of this.intervals) {
      for (const rows of this.store.get(name)?.get(iv.name)?.values() ?? [])
        n += iv.coarse ? 1 : 1 + rows.size;
    }
    return n;
  }

  /** `list()`. */
  list(): string[] {
    return [...this.store.keys()].sort();
  }

  /** `properties(name)`. */
  properties(name: string): Record<string, { first: number; last: number }> {
    const out: Record<string, { first: number; last: number }> = {};
    for (const iv of this.intervals) {
      const buckets = [...(this.store.get(name)?.get(iv.name)?.keys() ?? [])];
      if (buckets.length)
        out[iv.name] = {
          first: iv.i.start(Math.min(...buckets)),
          last: iv.i.start(Math.max(...buckets)),
        };
    }
    return out;
  }

  /** `get(names, interval, { timestamp, condense, transform })`. */
  get(
    names: readonly string[],
    interval: string,
    timestamp: number | undefined,
    o: ModelRead,
  ): Map<number, unknown> {
    const iv = this.interval(interval);
    return this.entries(iv, names, iv.i.index(timestamp ?? this.now()), o);
  }

  /** `series(names, interval, options)`. */
  series(names: readonly string[], interval: string, o: ModelRange): Map<number, unknown> {
    const iv = this.interval(interval);
    const steps = o.steps ?? iv.steps ?? 1;
    let first: number;
    let last: number;
    if (o.start !== undefined && o.end !== undefined) {
      first = iv.i.index(o.start);
      last = Math.max(first, iv.i.index(o.end));
    } else if (o.start !== undefined) {
      first = iv.i.index(o.start);
      last = first + steps - 1;
    } else {
      last = iv.i.index(o.end ?? this.now());
      first = last - steps + 1;
    }
    const buckets = Array.from({ length: last - first + 1 }, (_, k) => first + k);
    const out = new Map<number, unknown>();
    if (o.collapse) {
      const rows = buckets.map((b) => this.merged(iv, names, b));
      const duration = iv.i.start(last) + iv.i.size(last) - iv.i.start(first);
      out.set(iv.i.start(first), this.shape(merge(this.config.type, rows), duration, o));
      return out;
    }
    for (const b of buckets) {
      const entries = this.entries(iv, names, b, o);
      out.set(iv.i.start(b), iv.coarse || o.condense ? entries.values().next().value : entries);
    }
    return out;
  }

  /** `iterate(name, interval, options)`: get()'s entries from the first to the last bucket with data. */
  iterate(name: string, interval: string, o: ModelRead): [number, unknown][] {
    const iv = this.interval(interval);
    const buckets = [...(this.store.get(name)?.get(interval)?.keys() ?? [])];
    if (!buckets.length) return [];
    const out: [number, unknown][] = [];
    for (let b = Math.min(...buckets); b <= Math.max(...buckets); b++)
      out.push(...this.entries(iv, [name], b, o));
    return out;
  }

  /** get()'s entries for interval bucket `b`. */
  private entries(
    iv: Interval,
    names: readonly string[],
    b: number,
    o: ModelRead,
  ): Map<number, unknown> {
    if (iv.coarse || o.condense) {
      return new Map([[iv.i.start(b), this.shape(this.merged(iv, names, b), iv.i.size(b), o)]]);
    }
    const out = new Map<number, unknown>();
    for (const [start, data] of this.resolutionRows(iv, names, b)) {
      out.set(start, this.shape(data, iv.r.size(iv.r.index(start)), o));
    }
    return out;
  }

  /** A whole interval bucket, names joined and resolution rows condensed. */
  private merged(iv: Interval, names: readonly string[], b: number): unknown {
    return merge(this.config.type, [...this.resolutionRows(iv, names, b).values()]);
  }

  /** Resolution start → data of the names joined, ascending, only rows with writes. */
  private resolutionRows(iv: Interval, names: readonly string[], b: number): Map<number, unknown> {
    const starts = new Set<number>();
    for (const name of names) for (const s of this.rowsOf(iv, name, b).keys()) starts.add(s);
    const out = new Map<number, unknown>();
    for (const start of [...starts].sort((x, y) => x - y)) {
      const perName = names.map((name) => {
        const writes = this.rowsOf(iv, name, b).get(start);
        return writes ? bucketData(this.config.type, writes) : undefined;
      });
      out.set(start, merge(this.config.type, perName));
    }
    return out;
  }

  private rowsOf(iv: Interval, name: string, b: number): Map<number, Written[]> {
    return this.store.get(name)?.get(iv.name)?.get(b) ?? new Map();
  }

  private shape(data: unknown, duration: number, o: ModelRead): unknown {
    return o.transform ? transform(this.config.type, o.transform, data, duration) : data;
  }

  private interval(name: string): Interval {
    const iv = this.intervals.find((x) => x.name === name);
    if (!iv) throw new Error(`the model has no interval ${name}`);
    return iv;
  }
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
