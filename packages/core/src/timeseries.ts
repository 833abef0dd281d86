import { joinBuckets } from './assemble/rows';
import { shapeGet, shapeSeries } from './assemble/shape';
import { buildConfig, type Config, type IntervalConfig } from './config';
import type { Command, Driver, Reply } from './driver';
import { asStorageError } from './driver-kit';
import { dumpRecords } from './dump/dump';
import { describeOptions, internalsOf, registerInternals } from './dump/internals';
import type { DumpOptions, DumpRecord, RestoreOptions, RestoreSummary } from './dump/record';
import { restoreRecords } from './dump/restore';
import { InvalidValueError } from './errors';
import { escapeGlob, nameKey, parseKey } from './keys';
import type {
  BulkInsertOptions,
  BulkInserts,
  GetOptions,
  InsertOptions,
  IntervalInfo,
  IntervalsOptions,
  IterateOptions,
  NamedTransforms,
  Properties,
  SeriesOptions,
  TimeseriesOptions,
} from './options';
import { InsertQueue, QUEUED_VALUES_MAX } from './plan/insert-queue';
import { MAX_RANGE_BUCKETS, seriesBuckets } from './plan/range';
import { readRaw } from './plan/read';
import { scriptedSender, supportsScripts } from './plan/script';
import { writeEntries } from './plan/writer';
import { resolveRead } from './read-options';
import type { BucketData, SeriesResult, Transformed } from './results';
import { bucketRange, nominalSeconds } from './time';
import type { SeriesType } from './transforms';
import { checkInteger, checkInterval, checkName, checkNames, toSeconds } from './validate';

/** The configured interval names (any string when they are not known statically). */
export type IntervalName<I extends IntervalsOptions> = Extract<keyof I, string>;

/** `condense` or `collapse` set: `series()` returns one flat row per interval bucket. */
export type Flattening<D> =
  | { condense: true | ((rows: Map<number, D>) => D) }
  | { collapse: true | ((rows: Map<number, D>) => D) };

/** How far `intervals: ±N` may reach. */
const MAX_SHIFT = 10_000;
/** Interval buckets `iterate()` reads per round trip pair. */
const ITERATE_BATCH = 64;
/** Keys deleted per pipeline. */
const DELETE_BATCH = 1_000;

/**
 * Named time series in Redis, bucketed per interval and stored per type.
 *
 * @example
 * ```ts
 * const t = new Timeseries(driver, { type: 'count', intervals: { minute: { step: 60, steps: 60 } } });
 * await t.insert('logins');
 * const perMinute = await t.series('logins', 'minute', { transform: 'rate' });
 * ```
 */
export class Timeseries<
  T extends SeriesType = SeriesType,
  R = string,
  V = string | number,
  // `out`: a Timeseries of known intervals can be passed where any Timeseries is expected.
  out I extends IntervalsOptions = IntervalsOptions,
> {
  readonly #driver: Driver;
  readonly #config: Config;
  /** Sends a planned write chunk: as one script per slot when the driver runs scripts. */
  readonly #write: (commands: Command[]) => Promise<Reply[]>;
  /** Gathers the inserts of one event-loop turn into a few shared pipelines. */
  readonly #inserts: InsertQueue;

  /** @throws ConfigError for bad options. */
  constructor(driver: Driver, options: TimeseriesOptions<T, R, V, I>) {
    this.#config = buildConfig(driver, options as TimeseriesOptions<SeriesType, unknown, never>);
    this.#driver = driver;
    const exec = (commands: Command[]) => this.#exec(commands);
    this.#write = supportsScripts(driver) ? scriptedSender(exec, driver.cluster) : exec;
    this.#inserts = new InsertQueue(this.#config, this.#write);
    registerInternals(this, {
      config: this.#config,
      driver,
      description: describeOptions(options),
      exec,
      write: this.#write,
      scan: (match) => this.#scan(match),
    });
  }

  /** The series type. */
  get type(): T {
    return this.#config.type.type as T;
  }

  /**
   * The configured intervals in the order of the options, with their lengths in seconds.
   *
   * @example
   * ```ts
   * const finest = [...t.intervals].sort((a, b) => a.resolution - b.resolution)[0];
   * ```
   */
  get intervals(): readonly IntervalInfo[] {
    return [...this.#config.intervals.values()].map(({ name, steps, coarse, i, r }) => ({
      name,
      step: nominalSeconds(i.step),
      resolution: nominalSeconds(r.step),
      steps,
      coarse,
      ...(i.step.kind === 'calendar' && { calendar: i.step.unit }),
    }));
  }

  /**
   * Writes a value (an array: each of them) into every interval. Counts default to 1.
   * Inserts made in the same turn of the event loop are sent together, in pipelines of about
   * 32 values: a bad value rejects only its own call, but when Redis fails a pipeline every
   * insert in it rejects with the same StorageError.
   * @throws InvalidNameError, InvalidValueError before anything is sent; StorageError when Redis fails.
   */
  async insert(name: string, value?: V | readonly V[], options: InsertOptions = {}): Promise<void> {
    checkName(name);
    if (value === undefined && this.type !== 'count') {
      throw new InvalidValueError(
        `insert(${JSON.stringify(name)}) needs a value for a ${this.type}`,
      );
    }
    const values = value === undefined ? [1] : Array.isArray(value) ? value : [value];
    const timestamp = toSeconds(options?.timestamp, 'timestamp', this.#config.clock);
    if (values.length > QUEUED_VALUES_MAX) {
      return this.bulkInsert([[timestamp, { [name]: values as V[] }]], options);
    }
    await this.#inserts.add(name, timestamp, values, this.#shift(options));
  }

  /**
   * Writes many values: entries `[timestamp | null, { [name]: values[] }]`, sync or async,
   * or a Map of them; one pipeline per chunk of 10,000 values.
   */
  async bulkInsert(inserts: BulkInserts<V>, options: BulkInsertOptions = {}): Promise<void> {
    await writeEntries(this.#config, inserts, this.#shift(options), this.#write);
  }

  #shift(options: BulkInsertOptions | undefined): number {
    return options?.intervals === undefined
      ? 0
      : checkInteger(options.intervals, 'intervals', -MAX_SHIFT, MAX_SHIFT);
  }

  /**
   * The interval bucket holding `timestamp` (default now): one entry when coarse or
   * condensed, else one per resolution bucket that holds data.
   */
  async get<
    P = BucketData<T, R>,
    const X extends NamedTransforms<P> | undefined = undefined,
    U = never,
  >(
    name: string | readonly string[],
    interval: IntervalName<I>,
    options?: GetOptions<P, X, U>,
  ): Promise<Map<number, Transformed<T, R, P, X, U>>> {
    const names = checkNames(name);
    const config = checkInterval(this.#config, interval);
    const read = resolveRead(this.#config, options);
    const timestamp = toSeconds(options?.timestamp, 'timestamp', this.#config.clock);
    const bucket = config.i.toBucket(timestamp);
    const [row] = await this.#rows(config, names, [bucket], read);
    return shapeGet(config, bucket, row, read.shaping) as Map<number, Transformed<T, R, P, X, U>>;
  }

  /** Every interval bucket of a range, empty or not (range rules: README "Reading"). */
  series<
    P = BucketData<T, R>,
    const X extends NamedTransforms<P> | undefined = undefined,
    U = never,
  >(
    name: string | readonly string[],
    interval: IntervalName<I>,
    options: SeriesOptions<P, X, U> & Flattening<P>,
  ): Promise<Map<number, Transformed<T, R, P, X, U>>>;
  series<
    P = BucketData<T, R>,
    const X extends NamedTransforms<P> | undefined = undefined,
    U = never,
    K extends IntervalName<I> = IntervalName<I>,
  >(
    name: string | readonly string[],
    interval: K,
    options?: SeriesOptions<P, X, U>,
  ): Promise<SeriesResult<I, K, Transformed<T, R, P, X, U>>>;
  async series(
    name: string | readonly string[],
    interval: string,
    options?: SeriesOptions<unknown, NamedTransforms<unknown>, unknown>,
  ): Promise<Map<number, unknown>> {
    const names = checkNames(name);
    const config = checkInterval(this.#config, interval);
    const read = resolveRead(this.#config, options);
    const clock = this.#config.clock;
    const start =
      options?.start === undefined ? undefined : toSeconds(options.start, 'start', clock);
    const end = options?.end === undefined ? undefined : toSeconds(options.end, 'end', clock);
    // An explicit `steps` is checked here; the interval's own is bounded by the range check.
    const steps =
      options?.steps === undefined
        ? (config.steps ?? 1)
        : checkInteger(options.steps, 'steps', 1, MAX_RANGE_BUCKETS);
    const buckets = seriesBuckets(config, start, end, steps, clock());
    const rows = await this.#rows(config, names, buckets, read);
    return shapeSeries(config, buckets, rows, read.shaping);
  }

  /**
   * Every entry `get()` would return for each interval bucket from the first to the last
   * holding data, in order, read ahead 64 buckets at a time.
   */
  iterate<
    P = BucketData<T, R>,
    const X extends NamedTransforms<P> | undefined = undefined,
    U = never,
  >(
    name: string,
    interval: IntervalName<I>,
    options?: IterateOptions<P, X, U>,
  ): AsyncIterable<[number, Transformed<T, R, P, X, U>]> {
    checkName(name);
    const config = checkInterval(this.#config, interval);
    const read = resolveRead(this.#config, { ...options, collapse: undefined });
    const rows = (buckets: number[]) => this.#rows(config, [name], buckets, read);
    const properties = () => this.properties(name);
    return {
      async *[Symbol.asyncIterator]() {
        const range = (await properties())[config.name];
        if (!range) return;
        const all = bucketRange(
          config.i,
          config.i.toBucket(range.first),
          config.i.toBucket(range.last),
        );
        for (let n = 0; n < all.length; n += ITERATE_BATCH) {
          const buckets = all.slice(n, n + ITERATE_BATCH);
          const batch = await rows(buckets);
          for (let b = 0; b < buckets.length; b++) {
            yield* shapeGet(config, buckets[b] as number, batch[b], read.shaping) as Map<
              number,
              Transformed<T, R, P, X, U>
            >;
          }
        }
      },
    };
  }

  /** Names that have data in a configured interval, sorted. */
  async list(): Promise<string[]> {
    const names = new Set<string>();
    await this.#scanKeys(`${escapeGlob(this.#config.layout.prefix)}*`, (key) => {
      if (this.#config.intervals.has(key.interval)) names.add(key.name);
    });
    return [...names].sort();
  }

  /** First and last bucket start of every configured interval holding data for `name`. */
  async properties(name: string): Promise<Properties> {
    checkName(name);
    const found = new Map<IntervalConfig, { first: number; last: number }>();
    await this.#scanKeys(`${escapeGlob(nameKey(this.#config.layout, name))}:*`, (key) => {
      const interval = this.#config.intervals.get(key.interval);
      if (!interval || key.name !== name) return;
      const range = found.get(interval);
      if (!range) found.set(interval, { first: key.bucket, last: key.bucket });
      else {
        range.first = Math.min(range.first, key.bucket);
        range.last = Math.max(range.last, key.bucket);
      }
    });
    const out: Properties = {};
    for (const [interval, { first, last }] of found) {
      out[interval.name] = {
        first: interval.i.fromBucket(first),
        last: interval.i.fromBucket(last),
      };
    }
    return out;
  }

  /** Removes every key of exactly this name (never a pattern); resolves the keys removed. */
  async delete(name: string): Promise<number> {
    checkName(name);
    return this.#deleteMatching(
      `${escapeGlob(nameKey(this.#config.layout, name))}:*`,
      (key) => key.name === name,
    );
  }

  /** Removes every key of every name in a configured interval under this prefix. */
  async deleteAll(): Promise<number> {
    return this.#deleteMatching(`${escapeGlob(this.#config.layout.prefix)}*`, (key) =>
      this.#config.intervals.has(key.interval),
    );
  }

  /**
   * One record per stored bucket (coarse bucket, or fine row) of `names` (default: every
   * name), in SCAN order, read a few hundred keys per pipeline so memory stays bounded.
   * A key changed while SCAN runs may come twice; restoring both is harmless.
   * @throws InvalidNameError, UnknownIntervalError before anything is read.
   */
  dump(names?: string | readonly string[], options?: DumpOptions): AsyncIterable<DumpRecord> {
    return dumpRecords(internalsOf(this), names, options);
  }

  /**
   * Writes records (from `dump`, a dump file, or `migrate`) with replace semantics: each
   * bucket ends up holding exactly its record's data and TTL, so running the same records
   * twice, or again after a restore died half-way, gives the same data. Expired buckets are
   * skipped. Chunks of 10,000 values are checked before they are sent.
   * @throws InvalidRecordError for a bad record (earlier chunks are written, its own is not).
   */
  restore(
    records: Iterable<DumpRecord> | AsyncIterable<DumpRecord>,
    options?: RestoreOptions,
  ): Promise<RestoreSummary> {
    return restoreRecords(internalsOf(this), records, options);
  }

  async #rows(
    config: IntervalConfig,
    names: string[],
    buckets: number[],
    read: ReturnType<typeof resolveRead>,
  ) {
    const raw = await readRaw(this.#config, config, names, buckets, read.fetch, (c) =>
      this.#exec(c),
    );
    return joinBuckets(config, raw, read.hooks);
  }

  async #deleteMatching(
    match: string,
    keep: (key: NonNullable<ReturnType<typeof parseKey>>) => boolean,
  ) {
    let removed = 0;
    let pending: Command[] = [];
    const flush = async () => {
      const replies = await this.#exec(pending);
      pending = [];
      for (const reply of replies) removed += Number(reply) || 0;
    };
    for await (const key of this.#scan(match)) {
      const parsed = parseKey(this.#config.layout, key);
      if (!parsed || !keep(parsed)) continue;
      // One DEL per key: a multi-key DEL fails across cluster slots.
      pending.push(['DEL', key]);
      if (pending.length >= DELETE_BATCH) await flush();
    }
    if (pending.length) await flush();
    return removed;
  }

  async #scanKeys(match: string, visit: (key: NonNullable<ReturnType<typeof parseKey>>) => void) {
    for await (const key of this.#scan(match)) {
      const parsed = parseKey(this.#config.layout, key);
      if (parsed) visit(parsed);
    }
  }

  async *#scan(match: string): AsyncGenerator<string> {
    try {
      yield* this.#driver.scan(match);
    } catch (error) {
      throw asStorageError(error, 'SCAN');
    }
  }

  async #exec(commands: Command[]): Promise<Reply[]> {
    if (commands.length === 0) return [];
    try {
      return await this.#driver.exec(commands);
    } catch (error) {
      throw asStorageError(error, 'pipeline');
    }
  }
}
