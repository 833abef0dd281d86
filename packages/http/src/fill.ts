import type { Fill } from './params';

/** One point of a read: a time (Unix ms) and its value. */
export type Point = readonly [time: number, value: unknown];

/**
 * Fills the gaps of a read: every step of `gridMs` from `from` to `to` gets a row (when the
 * grid is given), and a `null` value becomes `fill` or, with `'previous'`, the last non-null
 * value before it. `fill: null` keeps the gaps as `null` rows.
 */
export function fillGaps(
  points: readonly Point[],
  fill: Fill,
  grid?: { from: number; to: number; stepMs: number },
): Point[] {
  let rows: Point[] = [...points];
  if (grid) {
    const byTime = new Map(points);
    rows = [];
    const first = Math.floor(grid.from / grid.stepMs) * grid.stepMs;
    for (let time = first; time <= grid.to; time += grid.stepMs) {
      rows.push([time, byTime.has(time) ? byTime.get(time) : null]);
    }
  }
  let previous: unknown = null;
  return rows.map(([time, value]) => {
    if (value !== null && value !== undefined) {
      previous = value;
      return [time, value];
    }
    return [time, fill === 'previous' ? previous : fill];
  });
}
