import type { IntervalInfo, Selector } from '@kairos/core';
import { chooseInterval, rowsInRange } from './choose-interval';
import { HttpError, limitError } from './http-error';
import { jsonValue } from './json-value';
import type { NameIndex } from './name-index';
import type { AnyTimeseries, ResolvedOptions } from './options';
import type { ReadRequest } from './params';

/** One point of a read: a time (Unix ms) and its value. */
export type Point = readonly [time: number, value: unknown];

/** One row of `/api/series`: a time (Unix ms), the name with `each=1`, and the value. */
export interface SeriesRow {
  readonly time: number;
  readonly name?: string;
  readonly value: unknown;
}

/** What a read gives: the interval used and, per name (or one entry for joined names), points. */
export interface ReadResult {
  readonly interval: string;
  /**
   * `[label, points]`: the name with `each` or a filter (the `groupBy` value when grouped),
   * else every name joined (label `names.join(',')`).
   */
  readonly series: ReadonlyArray<readonly [label: string, points: Point[]]>;
}

/** Points wanted when neither `interval` nor `maxDataPoints` is given. */
const DEFAULT_DATA_POINTS = 500;

/** The Timeseries of `key`, or a 404 that lists the keys served. */
export function seriesOf(options: ResolvedOptions, key: string): AnyTimeseries {
  const t = options.series.get(key);
  if (!t) {
    throw new HttpError(
      404,
      `unknown series key ${JSON.stringify(key)}; served: ${[...options.series.keys()].join(', ') || 'none'}`,
    );
  }
  return t;
}

/**
 * Runs one read: checks the key, interval, limits and names (or matches the filter), reads
 * through `series()` with `fill` passed on, and flattens fine intervals to one point per
 * resolution bucket (times in ms).
 */
export async function read(
  options: ResolvedOptions,
  index: NameIndex,
  request: ReadRequest,
): Promise<ReadResult> {
  const t = seriesOf(options, request.key);
  const { from, source } = request;
  const now = Date.now();
  const to = request.to ?? (from === undefined ? undefined : now);
  if (from !== undefined && to !== undefined && from > to) {
    throw new HttpError(400, `from (${from}) is after to (${to})`);
  }
  const selector = Array.isArray(source) ? undefined : (source as Selector);
  const names = selector ? await t.list({ filter: selector.filter }) : (source as string[]);
  if (names.length > options.limits.names) {
    throw limitError('names', options.limits.names, `the filter matches ${names.length} names`);
  }
  // A group's rows are counted once the groups are known (see `checkPoints`).
  const perName = selector?.groupBy !== undefined ? 1 : request.each || selector ? names.length : 1;
  const maxRows = Math.floor(options.limits.points / Math.max(perName, 1));
  const info = pickInterval(t, request, { from, to: to ?? now }, maxRows);
  const rows = rowsInRange(info, from, to ?? now);
  if (rows > maxRows) {
    throw limitError('points', options.limits.points, `${rows * perName} points asked`);
  }
  const unknown = selector ? [] : await index.unknown(request.key, t, names);
  if (unknown.length > 0) {
    throw new HttpError(
      404,
      `no data under ${unknown.map((name) => JSON.stringify(name)).join(', ')} in series key ${JSON.stringify(request.key)}`,
    );
  }
  const range =
    from === undefined
      ? { ...(to !== undefined && { end: to / 1000 }) }
      : { start: from / 1000, end: to! / 1000 };
  const seriesOptions = { ...range, transform: request.transform, fill: request.fill };
  const points = (result: unknown) => flatten(result as Map<number, unknown>, info, from, to);
  let series: [string, Point[]][];
  if (selector) {
    const results = await t.series(selector, info.name, seriesOptions);
    series = [...results].map(([label, result]) => [label, points(result)]);
    checkPoints(series, options.limits.points);
  } else if (request.each) {
    series = await Promise.all(
      names.map(
        async (name) =>
          [name, points(await t.series(name, info.name, seriesOptions))] as [string, Point[]],
      ),
    );
  } else {
    series = [[names.join(','), points(await t.series(names, info.name, seriesOptions))]];
  }
  return { interval: info.name, series };
}

/** A 400 when the points of a read's series pass the limit. */
export function checkPoints(
  series: ReadonlyArray<readonly [string, readonly Point[]]>,
  max: number,
): void {
  const count = series.reduce((sum, [, points]) => sum + points.length, 0);
  if (count > max) throw limitError('points', max, `${count} points asked`);
}

function pickInterval(
  t: AnyTimeseries,
  request: ReadRequest,
  range: { from: number | undefined; to: number },
  maxRows: number,
): IntervalInfo {
  const intervals = t.intervals;
  if (request.interval !== undefined) {
    const found = intervals.find((info) => info.name === request.interval);
    if (!found) {
      throw new HttpError(
        400,
        `unknown interval ${JSON.stringify(request.interval)} for series key ${JSON.stringify(request.key)}; configured: ${intervals.map((i) => i.name).join(', ')}`,
      );
    }
    return found;
  }
  const wanted = request.maxDataPoints ?? DEFAULT_DATA_POINTS;
  const chosen = chooseInterval(intervals, range, wanted, maxRows);
  if (!chosen) {
    throw limitError(
      'points',
      maxRows,
      'every configured interval gives more points in this range',
    );
  }
  return chosen;
}

/** One point per row, times in ms; a fine interval's resolution rows kept within the range. */
function flatten(
  result: Map<number, unknown>,
  info: IntervalInfo,
  from: number | undefined,
  to: number | undefined,
): Point[] {
  const points: Point[] = [];
  const first =
    from === undefined
      ? -Infinity
      : Math.floor(from / (info.resolution * 1000)) * info.resolution * 1000;
  const last = to ?? Infinity;
  for (const [time, value] of result) {
    if (info.coarse) {
      points.push([time * 1000, jsonValue(value)]);
      continue;
    }
    for (const [rowTime, rowValue] of value as Map<number, unknown>) {
      const ms = rowTime * 1000;
      if (ms >= first && ms <= last) points.push([ms, jsonValue(rowValue)]);
    }
  }
  return points;
}

/** `/api/series` rows from a read: joined names give `{ time, value }`, `each` adds `name`. */
export function toRows(result: ReadResult, each: boolean): SeriesRow[] {
  const rows: SeriesRow[] = [];
  for (const [name, points] of result.series) {
    for (const [time, value] of points) rows.push(each ? { time, name, value } : { time, value });
  }
  if (each) rows.sort((a, b) => a.time - b.time);
  return rows;
}
