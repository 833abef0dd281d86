import { InvalidValueError } from '@kairos/core';
import type { BadInput } from './row';

/** Values: counts must be finite numbers; every type needs a string or a finite number. */
export const values: BadInput[] = [
  { title: 'count: NaN', error: InvalidValueError, call: (s) => s.count.insert('c', Number.NaN) },
  {
    title: 'count: Infinity',
    error: InvalidValueError,
    call: (s) => s.count.insert('c', Number.POSITIVE_INFINITY),
  },
  {
    title: 'count: -Infinity',
    error: InvalidValueError,
    call: (s) => s.count.insert('c', Number.NEGATIVE_INFINITY),
  },
  {
    title: 'count: a numeric string',
    error: InvalidValueError,
    call: (s) => s.count.insert('c', '5'),
  },
  {
    title: 'count: an empty string',
    error: InvalidValueError,
    call: (s) => s.count.insert('c', ''),
  },
  {
    title: 'count: one NaN in an array',
    error: InvalidValueError,
    call: (s) => s.count.insert('c', [1, 2, Number.NaN]),
  },
  {
    title: 'count: a bad value in the last bulk entry writes nothing',
    error: InvalidValueError,
    call: (s) =>
      s.count.bulkInsert([
        [s.now, { c: [1] }],
        [s.now + 60, { d: [2, Number.NaN] }],
      ]),
  },
  { title: 'series: no value', error: InvalidValueError, call: (s) => s.series.insert('s') },
  { title: 'gauge: no value', error: InvalidValueError, call: (s) => s.gauge.insert('g') },
  {
    title: 'series: null',
    error: InvalidValueError,
    call: (s) => s.series.insert('s', null as never),
  },
  {
    title: 'series: an object',
    error: InvalidValueError,
    call: (s) => s.series.insert('s', {} as never),
  },
  { title: 'series: NaN', error: InvalidValueError, call: (s) => s.series.insert('s', Number.NaN) },
  {
    title: 'gauge: a boolean',
    error: InvalidValueError,
    call: (s) => s.gauge.insert('g', true as never),
  },
  {
    title: 'series: a bigint',
    error: InvalidValueError,
    call: (s) => s.series.insert('s', 1n as never),
  },
  {
    title: 'write() throws',
    error: InvalidValueError,
    call: (s) => s.written.insert('w', ['fine', 'explode']),
  },
  {
    title: 'write() returns an object',
    error: InvalidValueError,
    call: (s) => s.written.insert('w', 'object'),
  },
  {
    title: 'series: a string with a lone surrogate',
    error: InvalidValueError,
    call: (s) => s.series.insert('s', ['fine', 'x\uD800y']),
  },
];
