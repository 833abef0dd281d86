import type { Cost } from './measure';

/** One figure of the report. */
export interface Row {
  /** (a) … (e) and what was measured. */
  readonly scenario: string;
  readonly client: string;
  /** Which code sent the data: the library (script or commands) or a ceiling. */
  readonly path: string;
  readonly value: number;
  readonly unit: 'points/s' | 'ms' | 'MB';
  /** The redis-benchmark -P 100 figure in the same unit, when one applies. */
  readonly redisBenchmark?: number;
  /** The hand-written pipeline (or raw read) in the same unit, when one applies. */
  readonly ideal?: number;
  /** The floor and target the issue sets, in the same unit. */
  readonly floor?: number;
  readonly target?: number;
  /** Throughput rows: higher is better; ms and MB rows: lower is better. */
  readonly lowerIsBetter?: boolean;
  readonly cost?: Cost;
  readonly note?: string;
}
