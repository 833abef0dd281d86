import type { BulkEntry, IntervalsOptions, SeriesType } from '@kairos/core';

/** Series names the points are spread over. */
export const NAMES = 100;
/** The span of the data, ending now: one day. */
export const SPAN = 86_400;

/**
 * Two intervals, as the issue asks: a coarse one with a TTL (daily buckets kept a week)
 * and a fine one without (hourly buckets at minute resolution, which (d) reads back).
 */
export const INTERVALS = {
  day: { step: 86_400, steps: 7 },
  hour: { step: 3_600, resolution: 60 },
} as const satisfies IntervalsOptions;

/** One point: which name, when, which value. */
export interface Point {
  readonly name: string;
  readonly timestamp: number;
  readonly value: number;
}

const names = Array.from({ length: NAMES }, (_, i) => `metric-${i}`);

/**
 * The i-th of `total` points: names in turn, time rising evenly over the day before `now`
 * (so every bucket is within the TTL), values per type (small integers; counts 1–7).
 */
export function point(i: number, total: number, now: number, type: SeriesType): Point {
  const timestamp = now - SPAN + Math.floor((i * SPAN) / total);
  const value = type === 'count' ? (i % 7) + 1 : type === 'histogram' ? i % 50 : i % 997;
  return { name: names[i % NAMES]!, timestamp, value };
}

/** The bulk insert entries of `points`, one `[timestamp, { name: [value] }]` each. */
export function entries(total: number, now: number, type: SeriesType): BulkEntry<number>[] {
  const out = new Array<BulkEntry<number>>(total);
  for (let i = 0; i < total; i++) {
    const p = point(i, total, now, type);
    out[i] = [p.timestamp, { [p.name]: [p.value] }];
  }
  return out;
}

/** The same entries, generated lazily (for streaming). */
export async function* streamEntries(
  total: number,
  now: number,
  type: SeriesType,
): AsyncGenerator<BulkEntry<number>> {
  for (let i = 0; i < total; i++) {
    const p = point(i, total, now, type);
    yield [p.timestamp, { [p.name]: [p.value] }];
  }
}

/** The name every read scenario reads. */
export const READ_NAME = names[0]!;
