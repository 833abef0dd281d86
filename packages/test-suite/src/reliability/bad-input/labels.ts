import { InvalidNameError, InvalidValueError } from '@kairos/core';
import { type BadInput, ok } from './row';

const long = 'x'.repeat(129);

/** Labels, filters, selectors and fill. */
export const labels: BadInput[] = [
  ...(
    [
      ['labels not an object', 'api' as never],
      ['labels an array', ['service', 'api'] as never],
      ['labels null', null as never],
      ['a label value that is a number', { service: 1 as never }],
      ['an empty label value', { service: '' }],
      ['an empty label name', { '': 'api' }],
      ['a label name with a space', { 'my label': 'api' }],
      ["a label name with '='", { 'a=b': 'api' }],
      ['a label name of 129 characters', { [long]: 'api' }],
      ['a label value with a control character', { service: 'a\u0007b' }],
      ["a label value with ','", { service: 'a,b' }],
      ['a label value with a lone surrogate', { service: '\uD800' }],
      ['65 labels', Object.fromEntries(Array.from({ length: 65 }, (_, n) => [`l${n}`, 'v']))],
    ] as const
  ).map(
    ([what, value]): BadInput => ({
      title: `setLabels: ${what}`,
      error: InvalidValueError,
      call: (s) => s.series.setLabels('seed', value as never),
    }),
  ),
  {
    title: 'setLabels: a bad series name',
    error: InvalidNameError,
    call: (s) => s.series.setLabels('a:b', { service: 'api' }),
  },
  {
    title: 'labels: a bad series name',
    error: InvalidNameError,
    call: (s) => s.series.labels(''),
  },
  {
    title: 'insert: labels with an empty value (the value is not written either)',
    error: InvalidValueError,
    call: (s) => s.series.insert('seed', 'v', { labels: { service: '' } }),
  },
  {
    title: 'bulkInsert: labels with a bad name',
    error: InvalidValueError,
    call: (s) => s.series.bulkInsert([[s.now, { seed: ok }]], { labels: { 'a b': 'v' } }),
  },
  ...(
    [
      ['empty', ''],
      ['only spaces', '   '],
      ['not a string', 42 as never],
      ['a term without an operator', 'service'],
      ['no positive term', 'service!=api'],
      ['only an absence term', 'region='],
      ['an unclosed list', 'service=(api,db'],
      ['an empty list', 'service=()'],
      ['an empty value in a list', 'service=(api,)'],
      ['a term without a label', '=api'],
      ["a value with ','", 'service=a,b'],
    ] as const
  ).map(
    ([what, filter]): BadInput => ({
      title: `list: a filter ${what}`,
      error: InvalidValueError,
      call: (s) => s.series.list({ filter }),
    }),
  ),
  {
    title: 'series: a bad filter term',
    error: InvalidValueError,
    call: (s) => s.series.series({ filter: 'service=api region' }, 'minute'),
  },
  {
    title: 'get: groupBy with a space',
    error: InvalidValueError,
    call: (s) => s.series.get({ filter: 'service=api', groupBy: 'a b' }, 'minute'),
  },
  {
    title: 'get: an unknown reduce',
    error: InvalidValueError,
    call: (s) =>
      s.count.get(
        { filter: 'service=api', groupBy: 'region', reduce: 'median' as never },
        'minute',
      ),
  },
  {
    title: 'series: reduce without groupBy',
    error: InvalidValueError,
    call: (s) => s.count.series({ filter: 'service=api', reduce: 'sum' }, 'minute'),
  },
  {
    title: 'iterate: a filter without a positive term',
    error: InvalidValueError,
    call: (s) => s.series.iterate({ filter: 'service!=api' }, 'minute'),
  },
  {
    title: "series: fill 'next'",
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { fill: 'next' as never }),
  },
  {
    title: 'series: fill NaN',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'minute', { fill: Number.NaN }),
  },
  {
    title: 'iterate: fill as a string number',
    error: InvalidValueError,
    call: (s) => s.count.iterate('c', 'minute', { fill: '0' as never }),
  },
  {
    title: 'series: fill over more than 1,000,000 resolution rows',
    error: InvalidValueError,
    call: (s) => s.series.series('seed', 'hour', { steps: 20_000, fill: 0 }),
  },
];
