import { describe, expect, it } from 'vitest';
import { CompensatedSum, numericValue } from '../../src/transforms';

describe('numericValue', () => {
  it.each([
    [3, 3],
    [-0.5, -0.5],
    ['3.5', 3.5],
    ['-2', -2],
    ['+2', 2],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['.5', 0.5],
    ['5.', 5],
    ['0', 0],
    ['007', 7],
    ['1e+21', 1e21],
  ])('reads %j as %d', (value, expected) => {
    expect(numericValue(value)).toBe(expected);
  });

  it.each([
    '',
    ' ',
    'abc',
    '3px',
    ' 3',
    '3 ',
    '0x10',
    '0b1',
    'Infinity',
    'NaN',
    '1e999',
    '1,5',
    '--1',
    '.',
    'e5',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    null,
    undefined,
    true,
    10n,
    [1],
    {},
  ])('rejects %o', (value) => {
    expect(numericValue(value)).toBeUndefined();
  });
});

describe('CompensatedSum', () => {
  it('starts at 0', () => {
    expect(new CompensatedSum().value).toBe(0);
  });

  it('keeps what plain addition drops', () => {
    const sum = new CompensatedSum();
    let naive = 0;
    for (const x of [1, 1e100, 1, -1e100]) {
      sum.add(x);
      naive += x;
    }
    expect(naive).toBe(0);
    expect(sum.value).toBe(2);
  });

  it('does not drift over a million tenths', () => {
    const sum = new CompensatedSum();
    let naive = 0;
    for (let i = 0; i < 1_000_000; i++) {
      sum.add(0.1);
      naive += 0.1;
    }
    expect(naive).not.toBe(100_000);
    expect(sum.value).toBe(100_000);
  });

  it('reports an overflow as Infinity, not NaN', () => {
    const sum = new CompensatedSum();
    sum.add(Number.MAX_VALUE);
    sum.add(Number.MAX_VALUE);
    expect(sum.value).toBe(Number.POSITIVE_INFINITY);
  });
});
