import type { Reduction, Selector } from './selector';

/** Where a read takes its series from: a name, joined names, or a {@link Selector}. */
export type Source = string | readonly string[] | Selector;

/** The row type of a read of `S`: `Row`, or a number (null: none) when it reduces. */
export type RowOf<S, Row> = S extends { reduce: Reduction } ? number | null : Row;

/**
 * The result of a read of `S`: `Result` for names; for a selector a Map from each name (or
 * `groupBy` value) to `Result` (typed read-only, so that a Timeseries of known intervals
 * still passes for any Timeseries).
 */
export type BySource<S, Result> = S extends Selector ? ReadonlyMap<string, Result> : Result;

/** What `iterate` yields for `S`: the row, or a Map from name (or group) to its row. */
export type IterateEntry<S, Row> = S extends Selector
  ? [time: number, rows: Map<string, RowOf<S, Row>>]
  : [time: number, row: Row];
