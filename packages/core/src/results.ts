import type { IntervalsOptions, TransformFunction } from './options';
import type { QuantileName, SeriesType } from './transforms';

/** What one bucket of a type reads back as, with `R` the type `read` returns. */
export type BucketData<T extends SeriesType, R> = T extends 'series'
  ? R[]
  : T extends 'histogram'
    ? Map<R, number>
    : T extends 'count'
      ? number
      : T extends 'gauge'
        ? R | null
        : T extends 'set'
          ? Set<R>
          : never;

type Statistic = 'mean' | 'stddev' | QuantileName;
type Pick1 = 'min' | 'max' | 'first' | 'last';

/** What a built-in transform returns for a type. */
export type NamedResult<T extends SeriesType, R, N> = T extends 'count'
  ? number
  : T extends 'gauge'
    ? R | null
    : N extends 'count' | 'sum'
      ? number
      : N extends 'rate'
        ? T extends 'histogram'
          ? Map<R, number>
          : number
        : N extends Statistic
          ? number | null
          : N extends 'median'
            ? // numeric data gives its p50; otherwise the middle stored value
              number | R | null
            : N extends Pick1
              ? R | null
              : unknown;

type ApplyOne<T extends SeriesType, R, D, F> =
  F extends TransformFunction<D, infer U> ? U : NamedResult<T, R, F>;

/**
 * The row type after the `transform` option ran over data `D`: `U` when it was a function,
 * else what the named transforms `X` give.
 */
export type Transformed<T extends SeriesType, R, D, X, U = never> = [U] extends [never]
  ? [X] extends [undefined]
    ? D
    : X extends string
      ? NamedResult<T, R, X>
      : X extends readonly string[]
        ? { [K in X[number]]: NamedResult<T, R, K> }
        : X extends Readonly<Record<string, unknown>>
          ? { -readonly [K in keyof X]: ApplyOne<T, R, D, X[K]> }
          : unknown
  : U;

/** Interval names declared with a `resolution`: typed as fine (nested `series()` rows). */
export type FineIntervalName<I extends IntervalsOptions> = {
  [K in keyof I]: I[K] extends { resolution: unknown } ? K : never;
}[keyof I] &
  string;

/**
 * The result of `series()` without `condense`/`collapse`: an interval declared with a
 * `resolution` nests a `Map` of resolution rows per interval bucket; when the interval
 * name is not a literal, either shape is possible.
 */
export type SeriesResult<I extends IntervalsOptions, K extends string, Row> = string extends keyof I
  ? Map<number, Row | Map<number, Row>>
  : K extends FineIntervalName<I>
    ? Map<number, Map<number, Row>>
    : Map<number, Row>;
