import type { IntervalsOptions } from '@kairos/core';

/** Hourly buckets at minute resolution: a day of them is the 1,440 rows the issue names. */
export const HTTP_INTERVALS = {
  hour: { step: 3_600, resolution: 60 },
} as const satisfies IntervalsOptions;

/** The name read back. */
export const HTTP_NAME = 'api';
/** Rows of one read. */
export const HTTP_ROWS = 1_440;
