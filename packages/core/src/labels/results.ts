import type { Reduction, Selector } from './selector';

/** Where a read takes its series from: a name, joined names, or a {@link Selector}. */
export type Source = string | readonly string[] | Selector;

/** The row type of a read of `S`: `Row`, or a number (null: none) when it reduces. */
export type RowOf<S, Row> = S extends { reduce: Reduction } ? number | null : Row;

/** What `iterate` yields for `S`: the row, or a Map from name (or group) to its row. */
export type IterateEntry<S, Row> = S extends Selector
  ? [time: number, rows: Map<string, RowOf<S, Row>>]
  : [time: number, row: Row];
