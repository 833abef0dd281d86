import type { Driver, KairosError, Timeseries } from '@kairos/core';

/** The Timeseries a bad-input row may call, all on one prefix holding seeded data. */
export interface Subjects {
  /** type series: `minute` coarse (steps 60), `hour` fine (minute resolution). */
  readonly series: Timeseries<'series'>;
  readonly count: Timeseries<'count'>;
  readonly gauge: Timeseries<'gauge'>;
  /** type series whose `write` throws for `'explode'` and returns an object for `'object'`. */
  readonly written: Timeseries<'series', string, string>;
  /** The recording driver, for constructor rows. */
  readonly driver: Driver;
  /** A valid timestamp inside the seeded range. */
  readonly now: number;
}

/** One call that must fail before anything is sent, and the error class it must fail with. */
export interface BadInput {
  readonly title: string;
  readonly error: abstract new (...args: never[]) => KairosError;
  readonly call: (s: Subjects) => unknown;
}

/** Values that are fine wherever a values array is expected. */
export const ok = ['v'];
