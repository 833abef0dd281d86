import { parseStep, type Reduction, type Selector, type SeriesOptions } from '@kairos/core';
import type { CheckedSeries } from './config/check';
import { checkIntervalName, type OpenSeries } from './context';
import { UsageError } from './errors';
import type { RangeFlags, SelectorFlags } from './flags';
import { flattenFine, type Track } from './output/frame';
import { parseTime } from './time';
import { parseTransforms, transformOption } from './transforms';

/** A checked read: which buckets, shaped how. */
export interface ReadRequest {
  readonly interval: string;
  readonly start?: number;
  readonly end?: number;
  readonly steps?: number;
  readonly transforms: readonly string[];
  readonly condense?: boolean;
  readonly collapse?: boolean;
}

/** Checks range flags against a series. */
export function readRequest(series: CheckedSeries, flags: RangeFlags, now: number): ReadRequest {
  // `--start` alone reads up to now, as RRDtool does (the library would count `steps` from it).
  const end =
    flags.end ?? (flags.start !== undefined && flags.steps === undefined ? 'now' : undefined);
  return {
    interval: checkIntervalName(series, flags.interval),
    ...(flags.start === undefined ? {} : { start: parseTime(flags.start, '--start', now) }),
    ...(end === undefined ? {} : { end: parseTime(end, '--end', now) }),
    ...(flags.steps === undefined ? {} : { steps: parseCount(flags.steps, '--steps') }),
    transforms: parseTransforms(flags.transform),
    ...(flags.condense ? { condense: true } : {}),
    ...(flags.collapse ? { collapse: true } : {}),
  };
}

/** A whole number ≥ 1 given as a flag. */
export function parseCount(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag}: must be a whole number ≥ 1; got ${JSON.stringify(text)}`);
  return n;
}

/** What a read is of: the names given, or the label selector of `--filter` (never both). */
export type Source = readonly string[] | Selector;

/** The names of the arguments, or a selector from `--filter`, `--group-by` and `--reduce`. */
export function readSource(names: readonly string[], flags: SelectorFlags): Source {
  const { filter, groupBy, reduce } = flags;
  if (filter === undefined) {
    if (groupBy !== undefined || reduce !== undefined)
      throw new UsageError('--group-by and --reduce need --filter');
    if (names.length === 0) throw new UsageError('give names to read, or --filter');
    return names;
  }
  if (names.length > 0)
    throw new UsageError(`give names or --filter, not both; got names ${names.join(' ')}`);
  return {
    filter,
    ...(groupBy === undefined ? {} : { groupBy }),
    ...(reduce === undefined ? {} : { reduce: reduce as Reduction }),
  };
}

/** Whether a read gives one track per name or group: `each`, or always with a filter. */
export function isEach(source: Source, each: boolean | undefined): boolean {
  return Boolean(each) || !Array.isArray(source);
}

/** What a read shows in titles: the names, or the filter and its grouping. */
export function describeSource(source: Source): string {
  if (Array.isArray(source)) return source.join(' ');
  const { filter, groupBy, reduce } = source as Selector;
  return [filter, groupBy && `by ${groupBy}`, reduce].filter(Boolean).join(' · ');
}

/**
 * Reads the names: joined into one track, or one track per name (`each`), read
 * concurrently over the one connection; by a selector, one track per matched name or
 * `groupBy` value (read together by the library). A fine interval's rows are flattened to one per
 * resolution bucket unless condensed or collapsed.
 */
export async function readTracks(
  series: OpenSeries,
  source: Source,
  request: ReadRequest,
  each: boolean,
): Promise<Track[]> {
  const { interval, start, end, steps, transforms, condense, collapse } = request;
  const options = { start, end, steps, condense, collapse, transform: transformOption(transforms) };
  const flat = condense || collapse || !isFine(series, interval);
  const shape = (result: unknown) =>
    flat ? (result as Map<number, unknown>) : flattenFine(result as Map<number, unknown>);
  if (!Array.isArray(source)) {
    const results = await series.timeseries.series(
      source as Selector,
      interval,
      options as SeriesOptions<unknown>,
    );
    return [...results].map(([name, rows]) => ({ name, rows: shape(rows) }));
  }
  const names = source as readonly string[];
  const read = async (name: string | readonly string[]) =>
    shape(await series.timeseries.series(name, interval, options as SeriesOptions<unknown>));
  if (!each) return [{ name: undefined, rows: await read(names) }];
  return Promise.all(names.map(async (name) => ({ name, rows: await read(name) })));
}

/** Whether an interval stores resolution buckets finer than its step. */
export function isFine(series: CheckedSeries, interval: string): boolean {
  const { step, resolution } = series.options.intervals[interval]!;
  if (resolution === undefined) return false;
  return (
    JSON.stringify(parseStep(step, 'step')) !== JSON.stringify(parseStep(resolution, 'resolution'))
  );
}

/** Series types whose buckets hold many values: a chart needs a transform to plot them. */
const MANY_VALUES = new Set(['series', 'histogram', 'set']);

/** The transforms a chart plots: those asked for, else the mean when buckets hold many values. */
export function plotTransforms(
  series: CheckedSeries,
  transforms: readonly string[],
): readonly string[] {
  return transforms.length || !MANY_VALUES.has(series.entry.type) ? transforms : ['mean'];
}
