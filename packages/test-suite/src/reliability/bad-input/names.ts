import { InvalidNameError } from '@kairos/core';
import { type BadInput, ok } from './row';

/**
 * Names: `InvalidNameError` for an empty name or one with `:`, `{`, `}` or a control
 * character (docs/ARCHITECTURE.md "Keys").
 */
export const names: BadInput[] = [
  { title: 'insert: empty name', error: InvalidNameError, call: (s) => s.series.insert('', 'v') },
  {
    title: "insert: name with ':'",
    error: InvalidNameError,
    call: (s) => s.series.insert('a:b', 'v'),
  },
  {
    title: "insert: name with '{'",
    error: InvalidNameError,
    call: (s) => s.series.insert('a{b', 'v'),
  },
  {
    title: "insert: name with '}'",
    error: InvalidNameError,
    call: (s) => s.series.insert('a}b', 'v'),
  },
  {
    title: 'insert: name with a newline',
    error: InvalidNameError,
    call: (s) => s.series.insert('a\nb', 'v'),
  },
  {
    title: 'insert: name with NUL',
    error: InvalidNameError,
    call: (s) => s.series.insert('a\u0000', 'v'),
  },
  {
    title: 'insert: name with DEL (0x7f)',
    error: InvalidNameError,
    call: (s) => s.series.insert('\u007f', 'v'),
  },
  {
    title: 'insert: name with a C1 control',
    error: InvalidNameError,
    call: (s) => s.series.insert('a\u0085', 'v'),
  },
  {
    title: 'insert: name that is a number',
    error: InvalidNameError,
    call: (s) => s.series.insert(42 as never, 'v'),
  },
  {
    title: 'insert: name that is undefined',
    error: InvalidNameError,
    call: (s) => s.count.insert(undefined as never),
  },
  { title: 'get: empty name', error: InvalidNameError, call: (s) => s.series.get('', 'minute') },
  {
    title: 'get: empty list of names',
    error: InvalidNameError,
    call: (s) => s.series.get([], 'minute'),
  },
  {
    title: 'get: one bad name in a list',
    error: InvalidNameError,
    call: (s) => s.series.get(['seed', 'x:y'], 'minute'),
  },
  {
    title: 'series: name with ":"',
    error: InvalidNameError,
    call: (s) => s.series.series('a:b', 'minute'),
  },
  {
    title: 'series: names that are not strings',
    error: InvalidNameError,
    call: (s) => s.series.series([1, 2] as never, 'minute'),
  },
  {
    title: 'iterate: name with "}"',
    error: InvalidNameError,
    call: (s) => s.series.iterate('a}b', 'minute'),
  },
  {
    title: 'properties: name with ":"',
    error: InvalidNameError,
    call: (s) => s.series.properties('seed:minute'),
  },
  { title: 'delete: empty name', error: InvalidNameError, call: (s) => s.series.delete('') },
  // `seed:*` would match every key of `seed` if it were taken as a pattern.
  {
    title: 'delete: name with ":" and "*"',
    error: InvalidNameError,
    call: (s) => s.series.delete('seed:*'),
  },
  {
    title: 'delete: name with a tab',
    error: InvalidNameError,
    call: (s) => s.series.delete('seed\t'),
  },
  {
    title: 'bulkInsert: a bad name after a good one writes neither',
    error: InvalidNameError,
    call: (s) => s.series.bulkInsert([[s.now, { fresh: ok, 'x{y}': ok }]]),
  },
  // Sent as U+FFFD by Redis clients: the keys would no longer match the name.
  {
    title: 'insert: name with a lone surrogate',
    error: InvalidNameError,
    call: (s) => s.series.insert('cpu\uD800', 'v'),
  },
  {
    title: 'delete: name with a lone surrogate',
    error: InvalidNameError,
    call: (s) => s.series.delete('\uDC00'),
  },
];
