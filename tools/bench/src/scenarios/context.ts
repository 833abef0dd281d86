import type { Ceilings } from '../ceilings';
import type { BenchOptions } from '../options';
import type { Row } from '../report-row';

/** What every scenario gets. */
export interface BenchContext {
  readonly port: number;
  readonly options: BenchOptions;
  readonly ceilings: Ceilings;
  /** "Now" for the data and the library's clock: fixed so that every run writes the same. */
  readonly now: number;
  /** Adds a figure to the report and prints it. */
  record(row: Row): void;
  /** Prints progress. */
  log(message: string): void;
}
