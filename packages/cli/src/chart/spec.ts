import type { Track } from '../output/frame';
import { offsetFinder } from '../output/zone';

/** The chart kinds of `graph --type`. */
export const CHART_TYPES = ['line', 'area', 'stack'] as const;
/** One of {@link CHART_TYPES}. */
export type ChartType = (typeof CHART_TYPES)[number];

/** The font every text of a chart uses; shipped with the package, so no system font is needed. */
export const CHART_FONT = 'DejaVu Sans';

/** What a chart shows and how it looks. */
export interface ChartRequest {
  readonly type: ChartType;
  readonly width: number;
  readonly height: number;
  readonly title?: string;
  /** The zone of the time axis (its labels read as that zone's wall clock). */
  readonly zone: string;
  /** The y axis title: the transform(s), or `value`. */
  readonly yTitle: string;
}

/** One plotted point: a time (ms, as the zone's wall clock), its line's label and value. */
interface Point {
  t: number;
  series: string;
  v: number | null;
}

/** One plotted line: its label and a number (or a gap) per bucket, oldest first. */
export interface NumberLine {
  readonly label: string;
  readonly rows: readonly (readonly [time: number, value: number | null])[];
}

/**
 * One line per track (and per transform when the values hold several), labelled `name`,
 * `name transform`, or the transform alone for joined names. Non-numeric values are gaps.
 * What `graph` and `watch` both plot.
 */
export function numberLines(tracks: readonly Track[], transforms: readonly string[]): NumberLine[] {
  const split = transforms.length > 1;
  return tracks.flatMap(({ name, rows }) =>
    (split ? transforms : [undefined]).map((transform) => ({
      label: [name, transform].filter(Boolean).join(' ') || 'value',
      rows: [...rows].map(([time, value]) => {
        const v =
          transform === undefined ? value : (value as Record<string, unknown> | null)?.[transform];
        return [time, typeof v === 'number' && Number.isFinite(v) ? v : null] as const;
      }),
    })),
  );
}

/** The lines as Vega data points, times shifted to the wall clock of `zone` (in ms). */
export function chartPoints(lines: readonly NumberLine[], zone: string) {
  const offset = offsetFinder(zone);
  const points: Point[] = lines.flatMap(({ label, rows }) =>
    rows.map(([time, v]) => ({ t: (time + offset(time)) * 1000, series: label, v })),
  );
  return { points, labels: lines.map((line) => line.label) };
}

/**
 * A Vega specification of the chart: a UTC time scale over wall-clock times (so its labels
 * read in the asked zone), one colour per line with a legend, sized to exactly
 * `width` × `height` pixels.
 */
export function chartSpec(
  points: readonly Point[],
  labels: readonly string[],
  request: ChartRequest,
): object {
  const { type, width, height, title, zone, yTitle } = request;
  const stacked = type === 'stack';
  const text = { font: CHART_FONT };
  const enter = {
    x: { scale: 'x', field: 't' },
    ...(type === 'line'
      ? {
          y: { scale: 'y', field: 'v' },
          stroke: { scale: 'color', field: 'series' },
          strokeWidth: { value: 1.5 },
        }
      : {
          y: { scale: 'y', field: stacked ? 'y1' : 'v' },
          y2: { scale: 'y', ...(stacked ? { field: 'y0' } : { value: 0 }) },
          fill: { scale: 'color', field: 'series' },
          fillOpacity: { value: stacked ? 0.85 : 0.35 },
          stroke: { scale: 'color', field: 'series' },
          strokeWidth: { value: 1 },
        }),
    defined: { signal: stacked ? 'true' : 'isValid(datum.v)' },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width,
    height,
    padding: 8,
    autosize: { type: 'fit', contains: 'padding' },
    background: 'white',
    ...(title ? { title: { text: title, ...text, fontSize: 15 } } : {}),
    config: {
      axis: { labelFont: CHART_FONT, titleFont: CHART_FONT, labelFontSize: 11, titleFontSize: 12 },
      legend: { labelFont: CHART_FONT, titleFont: CHART_FONT, labelFontSize: 11 },
      title: text,
      text,
    },
    data: [
      {
        name: 'points',
        values: points,
        transform: stacked
          ? [
              { type: 'formula', as: 'v', expr: 'isValid(datum.v) ? datum.v : 0' },
              { type: 'stack', groupby: ['t'], field: 'v' },
            ]
          : [],
      },
    ],
    scales: [
      { name: 'x', type: 'utc', domain: { data: 'points', field: 't' }, range: 'width' },
      {
        name: 'y',
        type: 'linear',
        domain: { data: 'points', field: stacked ? 'y1' : 'v' },
        range: 'height',
        nice: true,
        zero: type !== 'line',
      },
      { name: 'color', type: 'ordinal', domain: [...labels], range: 'category' },
    ],
    axes: [
      {
        orient: 'bottom',
        scale: 'x',
        title: `time (${zone})`,
        labelOverlap: true,
        tickCount: Math.max(2, Math.floor(width / 110)),
        // 24-hour clock; the scale is UTC over wall-clock times, so these read in the zone.
        formatType: 'utc',
        format: {
          year: '%Y',
          quarter: '%b %Y',
          month: '%b %Y',
          week: '%b %d',
          date: '%b %d',
          hours: '%H:%M',
          minutes: '%H:%M',
          seconds: '%H:%M:%S',
          milliseconds: '%H:%M:%S.%L',
        },
      },
      {
        orient: 'left',
        scale: 'y',
        title: yTitle,
        grid: true,
        format: '~s',
        tickCount: Math.max(2, Math.floor(height / 50)),
      },
    ],
    legends: [
      {
        stroke: 'color',
        fill: 'color',
        orient: 'top',
        direction: 'horizontal',
        symbolType: type === 'line' ? 'stroke' : 'square',
      },
    ],
    marks: [
      {
        type: 'group',
        from: { facet: { name: 'line', data: 'points', groupby: 'series' } },
        marks: [
          { type: type === 'line' ? 'line' : 'area', from: { data: 'line' }, encode: { enter } },
        ],
      },
    ],
  };
}
