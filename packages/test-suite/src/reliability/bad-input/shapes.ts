import { InvalidNameError, InvalidValueError } from '@kairos/core';
import { type BadInput, ok } from './row';

/** bulkInsert's input shapes. */
export const shapes: BadInput[] = [
  {
    title: 'bulkInsert: a number',
    error: InvalidValueError,
    call: (s) => s.series.bulkInsert(42 as never),
  },
  {
    title: 'bulkInsert: null',
    error: InvalidValueError,
    call: (s) => s.series.bulkInsert(null as never),
  },
  {
    title: 'bulkInsert: an entry of one element',
    error: InvalidValueError,
    call: (s) => s.series.bulkInsert([[s.now]] as never),
  },
  {
    title: 'bulkInsert: values as an array',
    error: InvalidValueError,
    call: (s) => s.series.bulkInsert([[s.now, ['v']]] as never),
  },
  {
    title: 'bulkInsert: values of a name not an array',
    error: InvalidValueError,
    call: (s) => s.series.bulkInsert([[s.now, { s: 'v' }]] as never),
  },
  // A stream is checked chunk by chunk: a bad entry inside the first chunk sends nothing.
  {
    title: 'bulkInsert (generator): a bad value in the first chunk writes nothing',
    error: InvalidValueError,
    call: (s) =>
      s.count.bulkInsert(
        (function* () {
          yield [s.now, { c: [1] }] as const;
          yield [s.now, { c: [Number.NaN] }] as const;
        })(),
      ),
  },
  {
    title: 'bulkInsert (async generator): a bad name in the first chunk writes nothing',
    error: InvalidNameError,
    call: (s) =>
      s.series.bulkInsert(
        (async function* () {
          yield [s.now, { fresh: ok }] as const;
          yield [s.now, { 'bad:name': ok }] as const;
        })(),
      ),
  },
  // An array or a Map is checked whole, even when it is more than one chunk (10,000 values).
  {
    title: 'bulkInsert: 12,000 good values then a bad one writes nothing',
    error: InvalidValueError,
    call: (s) =>
      s.count.bulkInsert([
        [s.now, { c: Array.from({ length: 12_000 }, () => 1) }],
        [s.now + 60, { c: [Number.POSITIVE_INFINITY] }],
      ]),
  },
  {
    title: 'bulkInsert (Map): 12,000 good values then a bad name writes nothing',
    error: InvalidNameError,
    call: (s) =>
      s.series.bulkInsert(
        new Map<number, Record<string, string[]>>([
          [s.now, { fresh: Array.from({ length: 12_000 }, () => 'v') }],
          [s.now + 60, { 'x}': ok }],
        ]),
      ),
  },
];
