import type { IntervalInfo } from '@kairos/core';

/**
 * Rows one name gives in the range: resolution buckets from `from` to `to` (ms), or without
 * `from` the interval's default length (`steps` buckets, in resolution rows).
 */
export function rowsInRange(info: IntervalInfo, from: number | undefined, to: number): number {
  if (from === undefined) return (info.steps ?? 1) * Math.round(info.step / info.resolution);
  const ms = info.resolution * 1000;
  return Math.floor(to / ms) - Math.floor(from / ms) + 1;
}

/**
 * The interval to read when none is given: the coarsest that still gives at least `wanted`
 * rows in the range, or the finest when none does; only intervals within `maxRows` count.
 * Undefined when every interval gives more than `maxRows`.
 */
export function chooseInterval(
  intervals: readonly IntervalInfo[],
  range: { from: number | undefined; to: number },
  wanted: number,
  maxRows: number,
): IntervalInfo | undefined {
  const fitting = [...intervals]
    .sort((a, b) => a.resolution - b.resolution || a.step - b.step)
    .map((info) => ({ info, rows: rowsInRange(info, range.from, range.to) }))
    .filter(({ rows }) => rows <= maxRows);
  const enough = fitting.filter(({ rows }) => rows >= wanted);
  return (enough.at(-1) ?? fitting[0])?.info;
}
