import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors';
import { nominalSeconds, parseStep } from '../../src/time';

describe('parseStep', () => {
  it.each([
    [60, { kind: 'relative', seconds: 60 }],
    [1, { kind: 'relative', seconds: 1 }],
    ['60', { kind: 'relative', seconds: 60 }],
    ['007', { kind: 'relative', seconds: 7 }],
    ['1h', { kind: 'relative', seconds: 3600 }],
    ['2d', { kind: 'relative', seconds: 172800 }],
    ['1w', { kind: 'relative', seconds: 604800 }],
    ['1m', { kind: 'relative', seconds: 2592000 }],
    ['30d', { kind: 'relative', seconds: 2592000 }],
    ['1y', { kind: 'relative', seconds: 31536000 }],
    ['daily', { kind: 'calendar', unit: 'daily' }],
    ['weekly', { kind: 'calendar', unit: 'weekly' }],
    ['monthly', { kind: 'calendar', unit: 'monthly' }],
    ['yearly', { kind: 'calendar', unit: 'yearly' }],
  ] as const)('accepts %j', (step, parsed) => {
    expect(parseStep(step, 'interval "x" step')).toEqual(parsed);
  });

  it.each([
    [0, '0'],
    [-60, '-60'],
    [1.5, '1.5'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [2 ** 53, String(2 ** 53)],
    ['0', '"0"'],
    ['0h', '"0h"'],
    ['-5', '"-5"'],
    ['1.5', '"1.5"'],
    ['', '""'],
    [' 60', '" 60"'],
    ['60s', '"60s"'],
    ['1H', '"1H"'],
    ['h', '"h"'],
    ['Daily', '"Daily"'],
    ['hourly', '"hourly"'],
    ['99999999999999999999', '"99999999999999999999"'],
    ['9999999999999y', '"9999999999999y"'],
    [null, 'null'],
    [undefined, 'undefined'],
    [true, 'true'],
    [{}, '[object Object]'],
    [60n, '[object BigInt]'],
  ])('rejects %s', (step, shown) => {
    const call = () => parseStep(step, 'interval "minute" step');
    expect(call).toThrow(ConfigError);
    expect(call).toThrow(`interval "minute" step must be`);
    expect(call).toThrow(`; got ${shown}`);
  });
});

describe('nominalSeconds', () => {
  it.each([
    [60, 60],
    ['1h', 3600],
    ['daily', 86400],
    ['weekly', 604800],
    ['monthly', 2592000],
    ['yearly', 31536000],
  ])('%j is %d s', (step, seconds) => {
    expect(nominalSeconds(parseStep(step, 'step'))).toBe(seconds);
  });
});
