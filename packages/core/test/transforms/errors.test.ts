import { describe, expect, it } from 'vitest';
import { InvalidValueError, KairosError } from '../../src/errors';
import { applyTransform, SERIES_TYPES, type SeriesType } from '../../src/transforms';

const SAMPLE: Record<SeriesType, unknown> = {
  series: [1, 2],
  histogram: new Map([[1, 2]]),
  set: new Set([1, 2]),
  count: 3,
  gauge: '4',
};

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('unknown transform names', () => {
  describe.each(SERIES_TYPES)('%s', (type) => {
    it.each(['avg', 'P50', 'p101', 'p-1', 'pabc', '', 'Mean'])('rejects %j', (name) => {
      const error = thrown(() => applyTransform(type, name, SAMPLE[type], 60));
      expect(error).toBeInstanceOf(InvalidValueError);
      expect(error).toBeInstanceOf(KairosError);
      expect((error as Error).message).toContain(`unknown transform ${JSON.stringify(name)}`);
    });
  });
});

describe('non-numeric values', () => {
  const BAD: Record<'series' | 'histogram' | 'set', unknown> = {
    series: ['1', 'abc', '2'],
    histogram: new Map([
      ['1', 2],
      ['abc', 1],
    ]),
    set: new Set(['1', 'abc']),
  };

  describe.each(Object.entries(BAD))('%s', (type, data) => {
    it.each(['sum', 'mean', 'stddev', 'p0', 'p50', 'p99.9', 'p100'])(
      '%s throws InvalidValueError naming the transform and the value',
      (name) => {
        const error = thrown(() => applyTransform(type as SeriesType, name, data, 60));
        expect(error).toBeInstanceOf(InvalidValueError);
        expect((error as Error).name).toBe('InvalidValueError');
        expect((error as Error).message).toBe(
          `transform ${JSON.stringify(name)} needs numeric values, got "abc"`,
        );
      },
    );

    it.each(['count', 'rate', 'min', 'max', 'first', 'last', 'median'])('%s works', (name) => {
      expect(() => applyTransform(type as SeriesType, name, data, 60)).not.toThrow();
    });
  });

  it.each([
    ['an empty string', ''],
    ['a blank', ' '],
    ['a unit', '3px'],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
    ['null', null],
    ['a boolean', true],
    ['a bigint', 5n],
  ])('rejects %s', (_, value) => {
    expect(() => applyTransform('series', 'mean', [1, value], 1)).toThrow(InvalidValueError);
  });
});

describe('bad data and durations', () => {
  it.each([
    ['series', new Set([1])],
    ['series', 'abc'],
    ['set', [1]],
    ['histogram', [1]],
    ['histogram', null],
  ] as const)('rejects a %s bucket of the wrong shape', (type, data) => {
    expect(() => applyTransform(type, 'count', data, 1)).toThrow(InvalidValueError);
  });

  it('rejects a histogram count that is not a number', () => {
    expect(() => applyTransform('histogram', 'mean', new Map([[1, '2']]), 1)).toThrow(
      /histogram count must be a number/,
    );
    expect(() => applyTransform('histogram', 'rate', new Map([[1, '2']]), 1)).toThrow(
      InvalidValueError,
    );
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rate rejects a duration of %d', (d) => {
    for (const type of ['series', 'histogram', 'set', 'count'] as const) {
      expect(() => applyTransform(type, 'rate', SAMPLE[type], d)).toThrow(
        /positive, finite duration/,
      );
    }
  });

  it('ignores the duration when rate is not asked for', () => {
    expect(applyTransform('series', 'count', [1, 2], 0)).toBe(2);
    expect(applyTransform('gauge', 'rate', 'x', 0)).toBe('x');
  });

  it('rejects an unknown series type', () => {
    expect(() => applyTransform('list' as SeriesType, 'count', [], 1)).toThrow(
      'unknown series type "list"',
    );
  });
});
