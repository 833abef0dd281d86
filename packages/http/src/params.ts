import { type Fill, isTransformName, type Selector, type TransformName } from '@kairos/core';
import { HttpError, limitError } from './http-error';
import type { Limits } from './options';

/** One read, as the API and the Grafana routes ask for it (times in Unix milliseconds). */
export interface ReadRequest {
  readonly key: string;
  /** The names to read, or a label filter (with `groupBy`/`reduce`) choosing them. */
  readonly source: readonly string[] | Selector;
  readonly interval?: string;
  readonly from?: number;
  readonly to?: number;
  readonly transform?: TransformName;
  /** One row per name and time instead of the names joined (always so with a filter). */
  readonly each: boolean;
  readonly fill?: Fill;
  /** Points wanted when the interval is chosen automatically. */
  readonly maxDataPoints?: number;
}

/** A time in Unix milliseconds: a number, a string of digits, or an ISO 8601 date. */
export function parseTime(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const ms =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)
        ? Number(value)
        : typeof value === 'string'
          ? Date.parse(value)
          : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new HttpError(
      400,
      `${field} must be Unix milliseconds or an ISO 8601 date; got ${JSON.stringify(value)}`,
    );
  }
  return ms;
}

/** Names from `a,b` or a list, without empties; more than the limit is a 400. */
export function parseNames(value: unknown, limits: Limits): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const names = [...new Set(list.map((name) => String(name).trim()).filter(Boolean))];
  if (names.length === 0) throw new HttpError(400, 'names is required: names=a,b');
  if (names.length > limits.names) {
    throw limitError('names', limits.names, `${names.length} names asked`);
  }
  return names;
}

/**
 * What a read is of: `names` (a list or `a,b`), or a label `filter` with an optional `groupBy`
 * label and `reduce`, checked by the library when read.
 */
export function parseSource(
  query: { names?: unknown; filter?: unknown; groupBy?: unknown; reduce?: unknown },
  limits: Limits,
): readonly string[] | Selector {
  const { filter, groupBy, reduce } = query;
  if (filter === undefined || filter === '') {
    if (groupBy !== undefined || reduce !== undefined) {
      throw new HttpError(400, 'groupBy and reduce need a filter: filter=label=value');
    }
    return parseNames(query.names, limits);
  }
  if (query.names !== undefined) throw new HttpError(400, 'give names or filter, not both');
  const text = (value: unknown, field: string) => {
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new HttpError(400, `${field} must be a string`);
    return value;
  };
  return {
    filter: text(filter, 'filter')!,
    ...(text(groupBy, 'groupBy') !== undefined && { groupBy: text(groupBy, 'groupBy') }),
    ...(text(reduce, 'reduce') !== undefined && {
      reduce: text(reduce, 'reduce') as Selector['reduce'],
    }),
  };
}

/** A built-in transform name, checked. */
export function parseTransform(value: unknown): TransformName | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !isTransformName(value)) {
    throw new HttpError(
      400,
      `unknown transform ${JSON.stringify(value)}: use count, sum, mean, min, max, rate, first, last, median, stddev or p<N>`,
    );
  }
  return value;
}

/** `fill=0` (any number), `previous` or `null`. */
export function parseFill(value: unknown): Fill | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === null || value === 'null') return null;
  if (value === 'previous') return 'previous';
  const number = typeof value === 'number' ? value : Number(value);
  if (typeof value === 'boolean' || !Number.isFinite(number)) {
    throw new HttpError(
      400,
      `fill must be a number, previous or null; got ${JSON.stringify(value)}`,
    );
  }
  return number;
}

/** `1`/`true` or `0`/`false`. */
export function parseFlag(value: unknown, field: string): boolean {
  if (value === undefined || value === '' || value === false || value === 0) return false;
  if (value === true || value === 1) return true;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new HttpError(400, `${field} must be 1 or 0; got ${JSON.stringify(value)}`);
}

/** A positive whole number, or undefined. */
export function parsePositive(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new HttpError(
      400,
      `${field} must be a positive whole number; got ${JSON.stringify(value)}`,
    );
  }
  return number;
}
