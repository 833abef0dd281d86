import { describe, expect, it } from 'vitest';
import { checkFill, fillResult } from '../src/assemble/fill';
import { InvalidValueError } from '../src/errors';
import { holds, parseFilter } from '../src/labels/filter';
import { reduceResults } from '../src/labels/reduce';
import { checkLabels } from '../src/labels/validate';

describe('parseFilter', () => {
  it('reads every kind of term', () => {
    expect(parseFilter('a=1 b!=2 c=(x,y) d!=(z) e= f!=')).toEqual([
      { label: 'a', equal: true, values: ['1'], text: 'a=1' },
      { label: 'b', equal: false, values: ['2'], text: 'b!=2' },
      { label: 'c', equal: true, values: ['x', 'y'], text: 'c=(x,y)' },
      { label: 'd', equal: false, values: ['z'], text: 'd!=(z)' },
      { label: 'e', equal: true, values: [], text: 'e=' },
      { label: 'f', equal: false, values: [], text: 'f!=' },
    ]);
  });

  it('a value may hold "=" and ":"', () => {
    expect(parseFilter('url=http://h:1/?q=2')[0]?.values).toEqual(['http://h:1/?q=2']);
  });

  it('names the bad term', () => {
    for (const [filter, term] of [
      ['a=1 b', 'b'],
      ['a=1 !=2', '!=2'],
      ['a=1 b=(x', 'b=(x'],
      ['a=1 b=(x,)', 'b=(x,)'],
      ['a=1 b=x)', 'b=x)'],
    ]) {
      expect(() => parseFilter(filter)).toThrow(InvalidValueError);
      expect(() => parseFilter(filter)).toThrow(JSON.stringify(term));
    }
    expect(() => parseFilter('a!=1 b=')).toThrow(/positive term/);
  });

  it('holds: lists, absence and presence', () => {
    const [inList, notIn, absent, present] = parseFilter('a=(1,2) b!=(1,2) c= d!= a=1');
    expect([holds(inList!, '2'), holds(inList!, '3'), holds(inList!, undefined)]).toEqual([
      true,
      false,
      false,
    ]);
    expect([holds(notIn!, '2'), holds(notIn!, '3'), holds(notIn!, undefined)]).toEqual([
      false,
      true,
      true,
    ]);
    expect([holds(absent!, undefined), holds(absent!, 'x')]).toEqual([true, false]);
    expect([holds(present!, undefined), holds(present!, 'x')]).toEqual([false, true]);
  });
});

describe('checkLabels', () => {
  it('copies own labels, "__proto__" included', () => {
    const labels = checkLabels(JSON.parse('{"__proto__":"x","a":"1"}'));
    expect(Object.keys(labels)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
  });
});

describe('reduce and fill', () => {
  it('reduces non-null values per time, nested for fine rows', () => {
    const a = new Map([
      [0, 1],
      [60, null],
    ]);
    const b = new Map([
      [0, 3],
      [120, 5],
    ]);
    expect(reduceResults([a, b], 'mean', false)).toEqual(
      new Map([
        [0, 2],
        [60, null],
        [120, 5],
      ]),
    );
    expect(reduceResults([a, b], 'count', false)).toEqual(
      new Map([
        [0, 2],
        [60, 0],
        [120, 1],
      ]),
    );
    expect(reduceResults([new Map([[0, a]]), new Map([[0, b]])], 'min', true)).toEqual(
      new Map([
        [
          0,
          new Map([
            [0, 1],
            [60, null],
            [120, 5],
          ]),
        ],
      ]),
    );
    expect(() => reduceResults([new Map([[0, [1]]])], 'sum', false)).toThrow(InvalidValueError);
  });

  it('fills in time order; a histogram row (a Map) is a value, not a nested row', () => {
    const row = new Map([['v', 1]]);
    expect(
      fillResult(
        new Map<number, unknown>([
          [0, null],
          [60, row],
          [120, null],
        ]),
        'previous',
        false,
      ),
    ).toEqual(
      new Map<number, unknown>([
        [0, null],
        [60, row],
        [120, row],
      ]),
    );
    expect(() => checkFill('0')).toThrow(InvalidValueError);
    expect(checkFill(null)).toBe(null);
  });
});
