import { InvalidValueError, type TransformName } from '@kairos/core';
import type { BadInput } from './row';

/** A name the types reject, as JavaScript callers (or a cast) can still pass it. */
const untyped = (name: string) => name as TransformName;

/** Transform names: checked before anything is read. */
export const transforms: BadInput[] = [
  {
    title: 'get: transform "avg"',
    error: InvalidValueError,
    call: (s) => s.series.get('seed', 'minute', { transform: untyped('avg') }),
  },
  {
    title: 'get: transform "p101"',
    error: InvalidValueError,
    call: (s) => s.series.get('seed', 'minute', { transform: untyped('p101') }),
  },
  {
    title: 'get: transform "P50" (case)',
    error: InvalidValueError,
    call: (s) => s.series.get('seed', 'minute', { transform: untyped('P50') }),
  },
  {
    title: 'series: one unknown name in a list',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { transform: ['mean', untyped('nope')] }),
  },
  {
    title: 'series: one unknown name in an object',
    error: InvalidValueError,
    call: (s) =>
      s.series.series('seed', 'minute', { transform: { a: 'sum', b: untyped('bogus') } }),
  },
  {
    title: 'get: transform that is a number',
    error: InvalidValueError,
    call: (s) => s.count.get('c', 'minute', { transform: 42 as never }),
  },
  {
    title: 'iterate: unknown transform',
    error: InvalidValueError,
    call: (s) => s.series.iterate('seed', 'minute', { transform: untyped('nope') }),
  },
];
