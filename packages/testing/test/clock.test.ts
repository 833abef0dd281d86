import { InvalidValueError } from '@kairos/core';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../src';

describe('manualClock', () => {
  it('starts at the given seconds or Date', () => {
    expect(manualClock(1_700_000_000.5)()).toBe(1_700_000_000.5);
    expect(manualClock(new Date('2025-01-01T00:00:00Z')).now()).toBe(1_735_689_600);
  });

  it('advances and sets, and chains', () => {
    const clock = manualClock(100);
    expect(clock.advance(60).advance(-10)()).toBe(150);
    expect(clock.set(new Date(2_000_000)).now()).toBe(2_000);
    expect(clock.set(-86_400)()).toBe(-86_400);
  });

  it('rejects times that are not finite', () => {
    expect(() => manualClock(Number.NaN)).toThrow(InvalidValueError);
    expect(() => manualClock(new Date('nope'))).toThrow(InvalidValueError);
    expect(() => manualClock(0).advance(Number.POSITIVE_INFINITY)).toThrow(InvalidValueError);
    expect(() => manualClock(0).set(Number.NaN)).toThrow(InvalidValueError);
  });
});
