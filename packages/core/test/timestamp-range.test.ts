import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../src/errors';
import { toSeconds } from '../src/validate';

const now = () => 0;

describe('toSeconds: timestamps in the years 1 to 9999', () => {
  it('accepts the first and the last second of that range, numbers and Dates', () => {
    expect(toSeconds(-62_135_596_800, 't', now)).toBe(-62_135_596_800);
    expect(toSeconds(253_402_300_799.5, 't', now)).toBe(253_402_300_799.5);
    expect(toSeconds(new Date('9999-12-31T23:59:59Z'), 't', now)).toBe(253_402_300_799);
  });

  it.each([
    -62_135_596_801,
    253_402_300_800,
    1e25,
    -1e25,
    new Date('+010000-01-01T00:00:00Z'),
    new Date(-62_135_596_801_000),
  ])('rejects %s with InvalidValueError', (value) => {
    expect(() => toSeconds(value, 'timestamp', now)).toThrow(InvalidValueError);
    expect(() => toSeconds(value, 'timestamp', now)).toThrow(/years 1 to 9999/);
  });
});
