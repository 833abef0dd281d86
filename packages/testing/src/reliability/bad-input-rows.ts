import {
  ConfigError,
  type Driver,
  InvalidNameError,
  InvalidValueError,
  type KairosError,
  Timeseries,
  UnknownIntervalError,
} from '@kairos/core';

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

const ok = ['v'];

/** Names: API.md "InvalidNameError (empty, or containing `:`, `{`, `}` or control characters)". */
const names: BadInput[] = [
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
];

/** Values: counts must be finite numbers; every type needs a string or a finite number. */
const values: BadInput[] = [
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
];

/** Timestamps: finite seconds or a valid Date. */
const times: BadInput[] = [
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
];

/** Interval names: only configured ones, matched exactly (no prototype keys, no case folding). */
const intervals: BadInput[] = [
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

/** Options: `intervals: N`, `steps`, ranges, read hooks. */
const options: BadInput[] = [
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
    title: 'series: a range of more than a million buckets',
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
];

/** Transform names: checked before anything is read. */
const transforms: BadInput[] = [
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

/** bulkInsert's input shapes. */
const shapes: BadInput[] = [
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
];

/** Constructor options: ConfigError, and of course nothing sent. */
const config: BadInput[] = [
  {
    title: 'config: unknown type',
    error: ConfigError,
    call: (s) =>
      new Timeseries(s.driver, { type: 'timer' as never, intervals: { m: { step: 60 } } }),
  },
  {
    title: 'config: no intervals',
    error: ConfigError,
    call: (s) => new Timeseries(s.driver, { type: 'count', intervals: {} }),
  },
  {
    title: "config: interval name with ':'",
    error: ConfigError,
    call: (s) => new Timeseries(s.driver, { type: 'count', intervals: { 'a:b': { step: 60 } } }),
  },
  {
    title: "config: interval name with '*'",
    error: ConfigError,
    call: (s) => new Timeseries(s.driver, { type: 'count', intervals: { 'm*': { step: 60 } } }),
  },
  {
    title: 'config: step "1x"',
    error: ConfigError,
    call: (s) => new Timeseries(s.driver, { type: 'count', intervals: { m: { step: '1x' } } }),
  },
  {
    title: 'config: step 0',
    error: ConfigError,
    call: (s) => new Timeseries(s.driver, { type: 'count', intervals: { m: { step: 0 } } }),
  },
  {
    title: 'config: resolution larger than step',
    error: ConfigError,
    call: (s) =>
      new Timeseries(s.driver, { type: 'count', intervals: { m: { step: 60, resolution: '1h' } } }),
  },
  {
    title: 'config: steps 0',
    error: ConfigError,
    call: (s) =>
      new Timeseries(s.driver, { type: 'count', intervals: { m: { step: 60, steps: 0 } } }),
  },
  {
    title: "config: prefix with '{'",
    error: ConfigError,
    call: (s) =>
      new Timeseries(s.driver, { type: 'count', prefix: 'a{b', intervals: { m: { step: 60 } } }),
  },
  {
    title: 'config: read that is not a function',
    error: ConfigError,
    call: (s) =>
      new Timeseries(s.driver, {
        type: 'series',
        read: 'Number' as never,
        intervals: { m: { step: 60 } },
      }),
  },
];

/** Every row, grouped by what it gets wrong. */
export const BAD_INPUTS: readonly BadInput[] = [
  ...names,
  ...values,
  ...times,
  ...intervals,
  ...options,
  ...transforms,
  ...shapes,
  ...config,
];
