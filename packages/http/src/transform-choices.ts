import { FIXED_TRANSFORM_NAMES, type SeriesType, type TransformName } from '@kairos/core';

/** The transforms menus offer (the page, Grafana's payload options): built-ins and quantiles. */
export const TRANSFORM_CHOICES: readonly TransformName[] = [
  ...FIXED_TRANSFORM_NAMES,
  'p50',
  'p90',
  'p95',
  'p99',
];

/** The transform a chart of each type needs when none is chosen: one number per bucket. */
export const CHART_TRANSFORM: Readonly<Record<SeriesType, TransformName | undefined>> = {
  series: 'mean',
  histogram: 'mean',
  set: 'count',
  count: undefined,
  gauge: undefined,
};
