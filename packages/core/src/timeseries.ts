import { checkFilledRows, filler, fillResult } from './assemble/fill';
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
import { escapeGlob, markedKey, nameKey, parseKey } from './keys';
import {
  type BySource,
  type CheckedSelector,
  checkLabels,
  checkSelector,
  type IterateEntry,
  isSelector,
  LabelIndex,
  LabelQueue,
  type Labels,
  parseFilter,
  type RowOf,
  readSelected,
  type SelectedRead,
  type Selector,
  type Source,
  selectGroups,
} from './labels';
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
import { plainSender } from './plan/plain';
import { MAX_RANGE_BUCKETS, seriesBuckets } from './plan/range';
import { readRaw } from './plan/read';
import { scriptedSender, supportsScripts } from './plan/script';
import { writeEntries } from './plan/writer';
import { type ResolvedRead, resolveRead } from './read-options';
import type { BucketData, SeriesResult, Transformed } from './results';
import { bucketRange, nominalSeconds } from './time';
import type { SeriesType } from './transforms';
import {
  checkInteger,
  checkInterval,
  checkName,
  checkNames,
  checkNotTooFar,
  toSeconds,
} from './validate';

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
  /** The label index under this prefix. */
  readonly #labels: LabelIndex;
  /** Gathers the labels given to one turn's inserts: one index update per name. */
  readonly #insertLabels: LabelQueue;

  /** @throws ConfigError for bad options. */
  constructor(driver: Driver, options: TimeseriesOptions<T, R, V, I>) {
    this.#config = buildConfig(driver, options as TimeseriesOptions<SeriesType, unknown, never>);
    this.#driver = driver;
    const exec = (commands: Command[]) => this.#exec(commands);
    const plain = plainSender(exec);
    this.#write = supportsScripts(driver) ? scriptedSender(exec, driver.cluster, plain) : plain;
    this.#inserts = new InsertQueue(this.#config, this.#write);
    registerInternals(this, {
      config: this.#config,
      driver,
      description: describeOptions(options),
      exec,
      write: this.#write,
      scan: (match) => this.#scan(match),
    });
    this.#labels = new LabelIndex(this.#config.layout, exec, (match) => this.#scan(match));
    this.#insertLabels = new LabelQueue(this.#labels);
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
    checkNotTooFar(this.#config, timestamp, this.#config.clock(), 'timestamp');
    const labels = options?.labels === undefined ? undefined : checkLabels(options.labels);
    if (values.length > QUEUED_VALUES_MAX) {
      return this.bulkInsert([[timestamp, { [name]: values as V[] }]], { ...options, labels });
    }
    const written = this.#inserts.add(name, timestamp, values, this.#shift(options));
    await (labels ? Promise.all([written, this.#insertLabels.add(name, labels)]) : written);
  }

  /**
   * Writes many values: entries `[timestamp | null, { [name]: values[] }]`, sync or async,
   * or a Map of them; one pipeline per chunk of 10,000 values.
   */
  async bulkInsert(inserts: BulkInserts<V>, options: BulkInsertOptions = {}): Promise<void> {
    const shift = this.#shift(options);
    const labelsOf = this.#bulkLabels(options?.labels);
    const send = labelsOf
      ? (commands: Command[]) => {
          // Labels first: a bad one from a labels function fails the chunk before it is sent.
          const labels = labelsOf(commands);
          return Promise.all([this.#write(commands), this.#labels.set(labels)]);
        }
      : this.#write;
    await writeEntries(this.#config, inserts, shift, send);
  }

  /**
   * The `labels` option of bulkInsert, checked, as the labels of each name a chunk writes
   * (read off the chunk's keys: once per name per chunk).
   */
  #bulkLabels(
    option: BulkInsertOptions['labels'],
  ): ((commands: readonly Command[]) => Map<string, Labels>) | undefined {
    if (option === undefined) return undefined;
    const same = typeof option === 'function' ? undefined : checkLabels(option);
    return (commands) => {
      const out = new Map<string, Labels>();
      for (const command of commands) {
        const name = parseKey(this.#config.layout, String(command[1]))?.name;
        if (name === undefined || out.has(name)) continue;
        const labels = same ?? (option as (name: string) => Labels | undefined)(name);
        if (labels !== undefined) out.set(name, checkLabels(labels));
      }
      return out;
    };
  }

  /**
   * Replaces a name's labels (`{}` removes them all). Labels describe a name (`service`,
   * `region` …) so that reads can find names by a filter and group them.
   * @throws InvalidNameError, InvalidValueError before anything is sent; StorageError when Redis fails.
   */
  async setLabels(name: string, labels: Labels): Promise<void> {
    checkName(name);
    await this.#labels.set(new Map([[name, checkLabels(labels)]]));
  }

  /** A name's labels (`{}` when none). */
  async labels(name: string): Promise<Record<string, string>> {
    checkName(name);
    return this.#labels.get(name);
  }

  #shift(options: BulkInsertOptions | undefined): number {
    return options?.intervals === undefined
      ? 0
      : checkInteger(options.intervals, 'intervals', -MAX_SHIFT, MAX_SHIFT);
  }

  /**
   * The interval bucket holding `timestamp` (default now): one entry when coarse or
   * condensed, else one per resolution bucket that holds data. Given a {@link Selector}
   * instead of names: a Map from each matching name, or each `groupBy` value, to its result.
   */
  async get<
    P = BucketData<T, R>,
    const X extends NamedTransforms<P> | undefined = undefined,
    U = never,
    S extends Source = string | readonly string[],
  >(
    source: S,
    interval: IntervalName<I>,
    options?: GetOptions<P, X, U>,
  ): Promise<BySource<S, Map<number, RowOf<S, Transformed<T, R, P, X, U>>>>> {
    type Out = BySource<S, Map<number, RowOf<S, Transformed<T, R, P, X, U>>>>;
    const selector = isSelector(source) ? checkSelector(source) : undefined;
    const names = selector ? [] : checkNames(source);
    const config = checkInterval(this.#config, interval);
    const read = resolveRead(this.#config, options);
    read.shaping.fill = undefined; // a series/iterate option
    const timestamp = toSeconds(options?.timestamp, 'timestamp', this.#config.clock);
    const bucket = config.i.toBucket(timestamp);
    const shape = (rows: unknown[]) => shapeGet(config, bucket, rows[0], read.shaping);
    if (selector) {
      return (await this.#readSelected(selector, config, read, [bucket], shape)) as unknown as Out;
    }
    return shape(await this.#rows(config, names, [bucket], read)) as Out;
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
  /**
   * `series()` of the names a {@link Selector} picks: a Map from each matching name, or
   * each `groupBy` value, to its result.
   */
  series<
    P = BucketData<T, R>,
    const X extends NamedTransforms<P> | undefined = undefined,
    U = never,
    S extends Selector = Selector,
  >(
    selector: S,
    interval: IntervalName<I>,
    options: SeriesOptions<P, X, U> & Flattening<P>,
  ): Promise<ReadonlyMap<string, Map<number, RowOf<S, Transformed<T, R, P, X, U>>>>>;
  series<
    P = BucketData<T, R>,
    const X extends NamedTransforms<P> | undefined = undefined,
    U = never,
    K extends IntervalName<I> = IntervalName<I>,
    S extends Selector = Selector,
  >(
    selector: S,
    interval: K,
    options?: SeriesOptions<P, X, U>,
  ): Promise<ReadonlyMap<string, SeriesResult<I, K, RowOf<S, Transformed<T, R, P, X, U>>>>>;
  async series(
    source: Source,
    interval: string,
    options?: SeriesOptions<unknown, NamedTransforms<unknown>, unknown>,
  ): Promise<ReadonlyMap<unknown, unknown>> {
    const selector = isSelector(source) ? checkSelector(source) : undefined;
    const names = selector ? [] : checkNames(source);
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
    const { fill } = read.shaping;
    const nested = !config.coarse && read.shaping.condense === undefined;
    if (fill !== undefined && nested) checkFilledRows(config, buckets.length);
    const shape = (rows: unknown[]) => shapeSeries(config, buckets, rows, read.shaping);
    if (selector) {
      const results = await this.#readSelected(selector, config, read, buckets, shape, nested);
      for (const result of results.values()) fillResult(result, fill, nested);
      return results;
    }
    return fillResult(shape(await this.#rows(config, names, buckets, read)), fill, nested);
  }

  /**
   * Every entry `get()` would return for each interval bucket from the first to the last
   * holding data, in order, read ahead 64 buckets at a time. Given a {@link Selector}
   * instead of a name: each time once, with a Map of the rows of every matching name (or
   * `groupBy` value) that has one.
   */
  iterate<
    P = BucketData<T, R>,
    const X extends NamedTransforms<P> | undefined = undefined,
    U = never,
    S extends string | Selector = string,
  >(
    source: S,
    interval: IntervalName<I>,
    options?: IterateOptions<P, X, U>,
  ): AsyncIterable<IterateEntry<S, Transformed<T, R, P, X, U>>> {
    const selector = isSelector(source) ? checkSelector(source) : undefined;
    const name = selector ? '' : checkName(source);
    const config = checkInterval(this.#config, interval);
    const read = resolveRead(this.#config, { ...options, collapse: undefined });
    type Entry = IterateEntry<S, Transformed<T, R, P, X, U>>;
    if (selector) return this.#iterateSelected(selector, config, read) as AsyncIterable<Entry>;
    const rows = (buckets: number[]) => this.#rows(config, [name], buckets, read);
    const range = () => this.#rangeOf(config, new Set([name]));
    const { fill } = read.shaping;
    return {
      async *[Symbol.asyncIterator]() {
        const next = fill === undefined ? undefined : filler(fill);
        for (const buckets of batchesOf(config, await range())) {
          const batch = await rows(buckets);
          for (let b = 0; b < buckets.length; b++) {
            for (const [time, row] of shapeGet(
              config,
              buckets[b] as number,
              batch[b],
              read.shaping,
            )) {
              yield [time, next ? next(row) : row] as Entry;
            }
          }
        }
      },
    };
  }

  #iterateSelected(
    selector: CheckedSelector,
    config: IntervalConfig,
    read: ResolvedRead,
  ): AsyncIterable<[number, Map<string, unknown>]> {
    const { fill } = read.shaping;
    const groups = () => selectGroups(this.#labels, selector);
    const range = (names: Set<string>) => this.#rangeOf(config, names);
    // One key's entries across a batch of buckets, in time order.
    const shape = (buckets: number[]) => (rows: unknown[]) => {
      const out = new Map<number, unknown>();
      buckets.forEach((bucket, n) => {
        for (const [time, row] of shapeGet(config, bucket, rows[n], read.shaping)) {
          out.set(time, row);
        }
      });
      return out;
    };
    const readBatch = (members: Map<string, string[]>, buckets: number[]) =>
      this.#readSelected(selector, config, read, buckets, shape(buckets), false, members);
    return {
      async *[Symbol.asyncIterator]() {
        const members = await groups();
        const fillers = new Map(
          [...members.keys()].map((key) => [key, fill === undefined ? undefined : filler(fill)]),
        );
        const names = new Set([...members.values()].flat());
        if (names.size === 0) return;
        for (const buckets of batchesOf(config, await range(names))) {
          const results = await readBatch(members, buckets);
          const times = new Set<number>();
          for (const result of results.values()) for (const time of result.keys()) times.add(time);
          for (const time of [...times].sort((a, b) => a - b)) {
            const rows = new Map<string, unknown>();
            for (const [key, result] of results) {
              if (!result.has(time)) continue;
              const next = fillers.get(key);
              const row = result.get(time);
              rows.set(key, next ? next(row) : row);
            }
            yield [time, rows];
          }
        }
      },
    };
  }

  /**
   * The first and last bucket of `config` holding data for any of `names`: one SCAN of
   * the interval's keys under the prefix, whatever the number of names.
   */
  async #rangeOf(
    config: IntervalConfig,
    names: ReadonlySet<string>,
  ): Promise<{ first: number; last: number } | undefined> {
    let range: { first: number; last: number } | undefined;
    const match =
      names.size === 1
        ? `${escapeGlob(nameKey(this.#config.layout, [...names][0] as string))}:${escapeGlob(config.name)}:*`
        : `${escapeGlob(this.#config.layout.prefix)}*:${escapeGlob(config.name)}:*`;
    await this.#scanKeys(match, (key) => {
      if (key.interval !== config.name || !names.has(key.name)) return;
      if (!range) range = { first: key.bucket, last: key.bucket };
      else {
        range.first = Math.min(range.first, key.bucket);
        range.last = Math.max(range.last, key.bucket);
      }
    });
    return range;
  }

  /**
   * Names that have data in a configured interval, sorted; with `filter`, the names whose
   * labels match it (two round trips to the label index, no SCAN).
   */
  async list(options?: { filter?: string }): Promise<string[]> {
    if (options?.filter !== undefined) {
      return (await this.#labels.select(parseFilter(options.filter))).names;
    }
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

  /**
   * Removes every key of exactly this name (never a pattern), and its labels; resolves the
   * keys removed (its labels count as one).
   */
  async delete(name: string): Promise<number> {
    checkName(name);
    const removed = await this.#deleteMatching(
      `${escapeGlob(nameKey(this.#config.layout, name))}:*`,
      (key) => key.name === name,
    );
    return removed + (await this.#labels.remove(name));
  }

  /**
   * Removes every key of every name in a configured interval under this prefix, and the
   * whole label index of the prefix; resolves the keys removed.
   */
  async deleteAll(): Promise<number> {
    const removed = await this.#deleteMatching(
      `${escapeGlob(this.#config.layout.prefix)}*`,
      (key) => this.#config.intervals.has(key.interval),
    );
    return removed + (await this.#labels.removeAll());
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

  /**
   * A read by selector: the label index (two round trips), then the data of every name at
   * once. `members` skips the index when the groups are known (iterate's later batches).
   */
  async #readSelected(
    selector: CheckedSelector,
    config: IntervalConfig,
    read: ResolvedRead,
    buckets: readonly number[],
    shape: (rows: unknown[]) => Map<number, unknown>,
    nested = false,
    members?: Map<string, string[]>,
  ): Promise<Map<string, Map<number, unknown>>> {
    const groups = members ?? (await selectGroups(this.#labels, selector));
    const source: SelectedRead = {
      config: this.#config,
      interval: config,
      fetch: read.fetch,
      hooks: read.hooks,
      exec: (commands) => this.#exec(commands),
    };
    return readSelected(source, selector, groups, buckets, shape, nested);
  }

  async #deleteMatching(
    match: string,
    keep: (key: NonNullable<ReturnType<typeof parseKey>>) => boolean,
  ) {
    let removed = 0;
    let pending: Command[] = [];
    /** Which of `pending` are write markers: removed with their keys, not counted. */
    let markers: boolean[] = [];
    const flush = async () => {
      const replies = await this.#exec(pending);
      for (const [i, reply] of replies.entries()) if (!markers[i]) removed += Number(reply) || 0;
      pending = [];
      markers = [];
    };
    for await (const key of this.#scan(match)) {
      const marked = markedKey(key);
      const parsed = parseKey(this.#config.layout, marked ?? key);
      if (!parsed || !keep(parsed)) continue;
      // One DEL per key: a multi-key DEL fails across cluster slots.
      pending.push(['DEL', key]);
      markers.push(marked !== undefined);
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

/** The buckets from a range's first to its last, in batches of {@link ITERATE_BATCH}. */
function* batchesOf(
  config: IntervalConfig,
  range: { first: number; last: number } | undefined,
): Generator<number[]> {
  if (!range) return;
  const all = bucketRange(config.i, range.first, range.last);
  for (let n = 0; n < all.length; n += ITERATE_BATCH) yield all.slice(n, n + ITERATE_BATCH);
}
