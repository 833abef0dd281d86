import { InvalidValueError } from '@kairos/core';
import { type BadInput, ok } from './row';

/** Options: `intervals: N`, `steps`, ranges, read hooks. */
export const options: BadInput[] = [
  {
    title: 'insert: intervals 1.5',
    error: InvalidValueError,
    call: (s) => s.series.insert('s', 'v', { intervals: 1.5 }),
  },
  {
    title: 'insert: intervals 10001',
    error: InvalidValueError,
    call: (s) => s.series.insert('s', 'v', { intervals: 10_001 }),
  },
  {
    title: 'insert: intervals -10001',
    error: InvalidValueError,
    call: (s) => s.series.insert('s', 'v', { intervals: -10_001 }),
  },
  {
    title: 'insert: intervals NaN',
    error: InvalidValueError,
    call: (s) => s.count.insert('c', 1, { intervals: Number.NaN }),
  },
  {
    title: 'bulkInsert: intervals as a string',
    error: InvalidValueError,
    call: (s) => s.series.bulkInsert([[s.now, { s: ok }]], { intervals: '2' as never }),
  },
  {
    title: 'series: steps 0',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { steps: 0 }),
  },
  {
    title: 'series: steps -3',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { steps: -3 }),
  },
  {
    title: 'series: steps 2.5',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { steps: 2.5 }),
  },
  {
    title: 'series: a range of 2,000,000 buckets (at most 100,000)',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { start: 0, end: 120_000_000 }),
  },
  {
    title: 'get: options that are a string',
    error: InvalidValueError,
    call: (s) => s.series.get('seed', 'minute', 'x' as never),
  },
  {
    title: 'get: condense "yes"',
    error: InvalidValueError,
    call: (s) => s.series.get('seed', 'hour', { condense: 'yes' as never }),
  },
  {
    title: 'series: collapse 1',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { collapse: 1 as never }),
  },
  {
    title: 'get: fetch that is a string',
    error: InvalidValueError,
    call: (s) => s.series.get('seed', 'minute', { fetch: 'GET' as never }),
  },
  {
    title: 'get: processRow that is a number',
    error: InvalidValueError,
    call: (s) => s.series.get('seed', 'minute', { processRow: 1 as never }),
  },
  {
    title: 'series: joinRows that is an object',
    error: InvalidValueError,
    call: (s) => s.series.series(['seed', 'other'], 'minute', { joinRows: {} as never }),
  },
  {
    title: 'series: steps 2,000,000',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { steps: 2_000_000 }),
  },
];
