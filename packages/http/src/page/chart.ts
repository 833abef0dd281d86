import uPlot from 'uplot';
import type { Row } from './api';

const COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
];

/**
 * uPlot's columns from `each=1` rows: times in seconds (uPlot's unit, shown in the browser's
 * zone), then one column of numbers per name, `null` where a name has no row.
 */
export function toColumns(rows: readonly Row[], names: readonly string[]): uPlot.AlignedData {
  const times = [...new Set(rows.map((row) => row.time))].sort((a, b) => a - b);
  const at = new Map(times.map((time, i) => [time, i]));
  const columns = names.map(() => new Array<number | null>(times.length).fill(null));
  const column = new Map(names.map((name, i) => [name, columns[i]!]));
  for (const row of rows) {
    const value = row.value;
    if (value !== null && typeof value !== 'number') {
      throw new Error('the values are lists or maps: choose a transform');
    }
    column.get(row.name ?? '')![at.get(row.time)!] = value;
  }
  return [times.map((time) => time / 1000), ...columns];
}

/** Draws (or redraws) the chart in `box`; the uPlot instance is returned. */
export function draw(
  box: HTMLElement,
  previous: uPlot | undefined,
  names: readonly string[],
  data: uPlot.AlignedData,
): uPlot {
  const same =
    previous &&
    previous.series.length === names.length + 1 &&
    names.every((name, i) => previous.series[i + 1]!.label === name);
  if (same) {
    previous.setData(data);
    return previous;
  }
  previous?.destroy();
  return new uPlot(
    {
      ...size(box),
      series: [
        {},
        ...names.map((name, i) => ({
          label: name,
          stroke: COLORS[i % COLORS.length],
          width: 1.5,
          spanGaps: false,
        })),
      ],
      axes: [{ stroke: '#888' }, { stroke: '#888', size: 60 }],
      cursor: { drag: { x: false, y: false } },
    },
    data,
    box,
  );
}

/** The chart's size for the box it lives in: narrower and lower on a phone. */
export function size(box: HTMLElement): { width: number; height: number } {
  const width = Math.max(280, box.clientWidth);
  return { width, height: width < 640 ? 240 : 360 };
}
