import { describe, expect, it } from 'vitest';
import { applyTransform, FIXED_TRANSFORM_NAMES, type SeriesType } from '../../src/transforms';

const NAMES = [...FIXED_TRANSFORM_NAMES, 'p0', 'p25', 'p90', 'p100'] as const;
type Name = (typeof NAMES)[number];

// One bucket per type holding 3, 1, 4, 1, 5 (the set keeps 3, 1, 4, 5), over 10 seconds.
const SERIES_EXPECTED: Record<Name, unknown> = {
  count: 5,
  sum: 14,
  mean: 2.8,
  min: 1,
  max: 5,
  rate: 0.5,
  first: 3,
  last: 5,
  median: 3,
  stddev: 1.6,
  p0: 1,
  p25: 1,
  p90: 4.6,
  p100: 5,
};

const CASES: Record<
  'series' | 'histogram' | 'set',
  { data: unknown; expected: Record<Name, unknown> }
> = {
  series: { data: [3, 1, 4, 1, 5], expected: SERIES_EXPECTED },
  histogram: {
    data: new Map([
      [3, 1],
      [1, 2],
      [4, 1],
      [5, 1],
    ]),
    expected: {
      ...SERIES_EXPECTED,
      rate: new Map([
        [3, 0.1],
        [1, 0.2],
        [4, 0.1],
        [5, 0.1],
      ]),
    },
  },
  set: {
    data: new Set([3, 1, 4, 5]),
    expected: {
      count: 4,
      sum: 13,
      mean: 3.25,
      min: 1,
      max: 5,
      rate: 0.4,
      first: 3,
      last: 5,
      median: 3.5,
      stddev: Math.sqrt(2.1875),
      p0: 1,
      p25: 2.5,
      p90: 4.7,
      p100: 5,
    },
  },
};

function expectSame(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number') expect(actual).toBeCloseTo(expected, 12);
  else expect(actual).toEqual(expected);
}

describe.each(Object.entries(CASES))('%s', (type, { data, expected }) => {
  it.each(NAMES)('%s', (name) => {
    expectSame(applyTransform(type as SeriesType, name, data, 10), expected[name]);
  });
});

describe('empty buckets', () => {
  const EMPTY: Record<'series' | 'histogram' | 'set', unknown> = {
    series: [],
    histogram: new Map(),
    set: new Set(),
  };

  describe.each(Object.entries(EMPTY))('%s', (type, data) => {
    it.each(NAMES)('%s', (name) => {
      const result = applyTransform(type as SeriesType, name, data, 60);
      if (name === 'rate' && type === 'histogram') expect(result).toEqual(new Map());
      else if (name === 'count' || name === 'sum' || name === 'rate') expect(result).toBe(0);
      else expect(result).toBeNull();
    });
  });

  it.each(NAMES)('count 0: %s is the scalar', (name) => {
    expect(applyTransform('count', name, 0, 60)).toBe(0);
  });

  it.each(NAMES)('gauge null: %s is null', (name) => {
    expect(applyTransform('gauge', name, null, 60)).toBeNull();
  });
});

describe('count', () => {
  it('rate divides by the duration', () => {
    expect(applyTransform('count', 'rate', 42, 10)).toBe(4.2);
    expect(applyTransform('count', 'rate', -3, 2)).toBe(-1.5);
  });

  it.each(NAMES.filter((name) => name !== 'rate'))('%s returns the number unchanged', (name) => {
    expect(applyTransform('count', name, 42.5, 10)).toBe(42.5);
  });
});

describe('gauge', () => {
  it.each(NAMES)('%s returns the value unchanged', (name) => {
    expect(applyTransform('gauge', name, '7', 10)).toBe('7');
    const value = { temperature: 21 };
    expect(applyTransform('gauge', name, value, 10)).toBe(value);
    expect(applyTransform('gauge', name, 0, 10)).toBe(0);
  });
});

describe('first and last', () => {
  it('follow arrival order in a series', () => {
    expect(applyTransform('series', 'first', ['b', 'a', 'c'], 1)).toBe('b');
    expect(applyTransform('series', 'last', ['b', 'a', 'c'], 1)).toBe('c');
  });

  it('follow the iteration order of a set and a histogram', () => {
    expect(applyTransform('set', 'first', new Set(['b', 'a', 'c']), 1)).toBe('b');
    expect(applyTransform('set', 'last', new Set(['b', 'a', 'c']), 1)).toBe('c');
    const histogram = new Map([
      ['b', 1],
      ['a', 5],
      ['c', 2],
    ]);
    expect(applyTransform('histogram', 'first', histogram, 1)).toBe('b');
    expect(applyTransform('histogram', 'last', histogram, 1)).toBe('c');
  });

  it('return a stored undefined as a value, and null only for an empty bucket', () => {
    expect(applyTransform('series', 'first', [undefined, 1], 1)).toBeUndefined();
    expect(applyTransform('series', 'last', [], 1)).toBeNull();
  });
});

describe('numeric strings (values read back without `read`)', () => {
  const strings = ['3', '1', '4', '1', '5'];

  it('are numbers for sum, mean, stddev and quantiles', () => {
    expect(applyTransform('series', 'sum', strings, 10)).toBe(14);
    expect(applyTransform('series', 'mean', strings, 10)).toBeCloseTo(2.8, 12);
    expect(applyTransform('series', 'stddev', strings, 10)).toBeCloseTo(1.6, 12);
    expect(applyTransform('series', 'p50', strings, 10)).toBe(3);
    expect(applyTransform('series', 'p90', strings, 10)).toBeCloseTo(4.6, 12);
    expect(applyTransform('series', 'p50', ['1', '2'], 10)).toBe(1.5);
  });

  it('keep their stored form for min, max, median, first and last', () => {
    expect(applyTransform('series', 'min', strings, 10)).toBe('1');
    expect(applyTransform('series', 'max', strings, 10)).toBe('5');
    expect(applyTransform('series', 'median', strings, 10)).toBe('3');
    expect(applyTransform('series', 'median', ['1', '2'], 10)).toBe('1');
    expect(applyTransform('series', 'first', strings, 10)).toBe('3');
    expect(applyTransform('series', 'last', strings, 10)).toBe('5');
  });

  it('compare by code unit for min, max and median, numerically for the rest', () => {
    const mixed = ['10', '9', '-1.5', '1e3'];
    // Code-unit order: '-1.5', '10', '1e3', '9'.
    expect(applyTransform('series', 'min', mixed, 1)).toBe('-1.5');
    expect(applyTransform('series', 'max', mixed, 1)).toBe('9');
    expect(applyTransform('series', 'median', mixed, 1)).toBe('10');
    expect(applyTransform('series', 'p100', mixed, 1)).toBe(1000);
    expect(applyTransform('set', 'max', new Set(['10', '9']), 1)).toBe('9');
    const histogram = new Map([
      ['10', 1],
      ['9', 3],
    ]);
    expect(applyTransform('histogram', 'mean', histogram, 1)).toBe(9.25);
    expect(applyTransform('histogram', 'min', histogram, 1)).toBe('10');
    expect(applyTransform('histogram', 'median', histogram, 1)).toBe('9');
  });
});

describe('inputs are not mutated', () => {
  it('leaves a series in arrival order after quantiles and median', () => {
    const series = [5, 3, 9, 1];
    for (const name of ['median', 'p10', 'p99', 'min', 'stddev']) {
      applyTransform('series', name, series, 1);
    }
    expect(series).toEqual([5, 3, 9, 1]);
  });

  it('leaves a histogram and a set as they were', () => {
    const histogram = new Map([
      [5, 1],
      [3, 2],
    ]);
    const set = new Set(['b', 'a']);
    applyTransform('histogram', 'p50', histogram, 1);
    applyTransform('histogram', 'rate', histogram, 2);
    applyTransform('set', 'median', set, 1);
    expect([...histogram]).toEqual([
      [5, 1],
      [3, 2],
    ]);
    expect([...set]).toEqual(['b', 'a']);
  });
});
