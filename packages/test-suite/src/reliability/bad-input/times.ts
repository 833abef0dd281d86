import { InvalidValueError } from '@kairos/core';
import { type BadInput, ok } from './row';

/** Timestamps: finite seconds or a valid Date. */
export const times: BadInput[] = [
  {
    title: 'insert: NaN timestamp',
    error: InvalidValueError,
    call: (s) => s.series.insert('s', 'v', { timestamp: Number.NaN }),
  },
  {
    title: 'insert: Infinity timestamp',
    error: InvalidValueError,
    call: (s) => s.series.insert('s', 'v', { timestamp: Number.POSITIVE_INFINITY }),
  },
  {
    title: 'insert: invalid Date',
    error: InvalidValueError,
    call: (s) => s.series.insert('s', 'v', { timestamp: new Date('nope') }),
  },
  {
    title: 'insert: timestamp as a string',
    error: InvalidValueError,
    call: (s) => s.count.insert('c', 1, { timestamp: '1700000000' as never }),
  },
  {
    title: 'get: NaN timestamp',
    error: InvalidValueError,
    call: (s) => s.series.get('seed', 'minute', { timestamp: Number.NaN }),
  },
  {
    title: 'series: NaN start',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { start: Number.NaN }),
  },
  {
    title: 'series: invalid Date end',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { end: new Date(Number.NaN) }),
  },
  {
    title: 'bulkInsert: a NaN timestamp in the second entry writes nothing',
    error: InvalidValueError,
    call: (s) =>
      s.series.bulkInsert([
        [s.now, { fresh: ok }],
        [Number.NaN, { fresh: ok }],
      ]),
  },
  {
    title: 'bulkInsert (Map): an invalid Date key',
    error: InvalidValueError,
    call: (s) => s.series.bulkInsert(new Map([[new Date(''), { fresh: ok }]])),
  },
  // Far timestamps made keys such as `…:minute:1.6e+23` that list/properties/delete never find.
  {
    title: 'insert: timestamp 1e25',
    error: InvalidValueError,
    call: (s) => s.series.insert('s', 'v', { timestamp: 1e25 }),
  },
  {
    title: 'bulkInsert: timestamp -1e25',
    error: InvalidValueError,
    call: (s) => s.series.bulkInsert([[-1e25, { s: ok }]]),
  },
  {
    title: 'get: timestamp 1e13 (year 318857)',
    error: InvalidValueError,
    call: (s) => s.series.get('seed', 'minute', { timestamp: 1e13 }),
  },
  {
    title: 'series: end in the year 10000',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { end: new Date('+010000-01-01T00:00:00Z') }),
  },
];
