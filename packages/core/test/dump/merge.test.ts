import { describe, expect, it } from 'vitest';
import { exactNumber } from '../../src/dump/codecs';
import { mergeData } from '../../src/dump/merge';

describe('merging source buckets into a target bucket', () => {
  it('series in order, sets united, the last gauge, null rows left out', () => {
    expect(mergeData('series', [['a', 'b'], null, ['c']])).toEqual(['a', 'b', 'c']);
    expect(
      mergeData('set', [
        ['b', 'a'],
        ['c', 'a'],
      ]),
    ).toEqual(['a', 'b', 'c']);
    expect(mergeData('gauge', ['1', '2', null])).toBe('2');
    expect(mergeData('count', [null, null])).toBe(null);
  });

  it('integer counts summed exactly beyond 2^53; float counts as the write path sums them', () => {
    expect(mergeData('count', ['9007199254740993', 2])).toBe('9007199254740995');
    expect(mergeData('count', [1, 2])).toBe(3);
    expect(mergeData('count', [0.1, 0.2, '0.3'])).toBeCloseTo(0.6, 15);
    expect(
      mergeData('histogram', [
        [
          ['a', 2],
          ['b', 2],
        ],
        [['a', '9007199254740993']],
      ]),
    ).toEqual([
      ['a', '9007199254740995'],
      ['b', 2],
    ]);
  });

  it('exactNumber keeps the text when a JSON number would change it', () => {
    expect(exactNumber('3')).toBe(3);
    expect(exactNumber('-0.5')).toBe(-0.5);
    expect(exactNumber('3.0')).toBe('3.0');
    expect(exactNumber('9007199254740993')).toBe('9007199254740993');
    expect(exactNumber('1e+21')).toBe(1e21);
  });
});
