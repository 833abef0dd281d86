/** Sizes of one bench run; the env knobs keep a quick run quick and a full run honest. */
export interface BenchOptions {
  /** Points of the bulk scenarios (a) and (b). */
  readonly points: number;
  /** Points written by the 64 concurrent callers of (c). */
  readonly concurrentPoints: number;
  /** Callers in flight in (c). */
  readonly concurrency: number;
  /** Points streamed in (e). */
  readonly streamPoints: number;
  /** Stored series values dumped and restored in memory in (g). */
  readonly dumpValues: number;
  /** Stored series values dumped to and restored from a file in (g), for peak RSS. */
  readonly dumpFileValues: number;
  /** Repetitions of each read in (d); the median is reported. */
  readonly readRepeats: number;
  /** Requests per command of `redis-benchmark`. */
  readonly redisBenchmarkRequests: number;
  /** Where the report goes; empty: not written. */
  readonly resultsFile: string;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** Reads `BENCH_*` variables; defaults are the sizes the issue asks for. */
export function benchOptions(defaultResults: string): BenchOptions {
  return {
    points: positive('BENCH_POINTS', 1_000_000),
    concurrentPoints: positive('BENCH_CONCURRENT_POINTS', 100_000),
    concurrency: positive('BENCH_CONCURRENCY', 64),
    streamPoints: positive('BENCH_STREAM_POINTS', 10_000_000),
    dumpValues: positive('BENCH_DUMP_VALUES', 1_000_000),
    dumpFileValues: positive('BENCH_DUMP_FILE_VALUES', 10_000_000),
    readRepeats: positive('BENCH_READ_REPEATS', 30),
    redisBenchmarkRequests: positive('BENCH_REDIS_REQUESTS', 1_000_000),
    resultsFile: process.env.BENCH_RESULTS ?? defaultResults,
  };
}
