import { UnknownIntervalError } from '@kairos/core';
import type { BadInput } from './row';

/** Interval names: only configured ones, matched exactly (no prototype keys, no case folding). */
export const intervals: BadInput[] = [
  {
    title: 'get: unknown interval',
    error: UnknownIntervalError,
    call: (s) => s.series.get('seed', 'nope'),
  },
  {
    title: 'get: interval in another case',
    error: UnknownIntervalError,
    call: (s) => s.series.get('seed', 'MINUTE'),
  },
  {
    title: 'get: "__proto__" interval',
    error: UnknownIntervalError,
    call: (s) => s.series.get('seed', '__proto__'),
  },
  {
    title: 'series: "toString" interval',
    error: UnknownIntervalError,
    call: (s) => s.series.series('seed', 'toString'),
  },
  {
    title: 'iterate: unknown interval',
    error: UnknownIntervalError,
    call: (s) => s.series.iterate('seed', 'hours'),
  },
  {
    title: 'get: a number as interval',
    error: UnknownIntervalError,
    call: (s) => s.series.get('seed', 60 as never),
  },
];
