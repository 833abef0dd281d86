import { InvalidValueError } from '@kairos/core';
import type { BadInput } from './row';

/** Transform names: checked before anything is read. */
export const transforms: BadInput[] = [
  {
    title: 'get: transform "avg"',
    error: InvalidValueError,
    call: (s) => s.series.get('seed', 'minute', { transform: 'avg' }),
  },
  {
    title: 'get: transform "p101"',
    error: InvalidValueError,
    call: (s) => s.series.get('seed', 'minute', { transform: 'p101' }),
  },
  {
    title: 'get: transform "P50" (case)',
    error: InvalidValueError,
    call: (s) => s.series.get('seed', 'minute', { transform: 'P50' }),
  },
  {
    title: 'series: one unknown name in a list',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { transform: ['mean', 'nope'] }),
  },
  {
    title: 'series: one unknown name in an object',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { transform: { a: 'sum', b: 'bogus' } }),
  },
  {
    title: 'get: transform that is a number',
    error: InvalidValueError,
    call: (s) => s.count.get('c', 'minute', { transform: 42 as never }),
  },
  {
    title: 'iterate: unknown transform',
    error: InvalidValueError,
    call: (s) => s.series.iterate('seed', 'minute', { transform: 'nope' }),
  },
];
