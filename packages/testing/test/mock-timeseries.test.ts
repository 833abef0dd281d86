import { ConfigError } from '@kairos/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createMockTimeseries, manualClock } from '../src';

describe('createMockTimeseries', () => {
  it('round-trips on its own store, typed by read', async () => {
    const t = createMockTimeseries({
      type: 'series',
      read: Number,
      intervals: { minute: { step: 60 } },
    });
    await t.insert('latency', [12, 7], { timestamp: 125 });
    const rows = await t.get('latency', 'minute', { timestamp: 125 });
    expectTypeOf(rows).toEqualTypeOf<Map<number, number[]>>();
    expect([...rows]).toEqual([[120, [12, 7]]]);
    const other = createMockTimeseries({ type: 'series', intervals: { minute: { step: 60 } } });
    expect(await other.list()).toEqual([]);
  });

  it('follows a manual clock for "now", TTL decisions included', async () => {
    const clock = manualClock(new Date('2025-01-01T00:00:00Z'));
    const t = createMockTimeseries({
      type: 'count',
      clock,
      intervals: { minute: { step: 60, steps: 2 } },
    });
    const start = clock();
    await t.insert('hits');
    clock.advance(60);
    await t.insert('hits', 2);
    expect([...(await t.series('hits', 'minute'))]).toEqual([
      [start, 1],
      [start + 60, 2],
    ]);
    // Keys are named by bucket number; the TTLs Kairos sent count down on the same clock.
    const [first, second] = [`hits:minute:${start / 60}`, `hits:minute:${start / 60 + 1}`];
    expect(await t.driver.keys()).toEqual([first, second]);
    const ttl = await t.driver.ttl(second);
    expect(ttl).toBeGreaterThan(60);
    clock.advance(ttl - 1);
    expect(await t.driver.ttl(second)).toBe(1);
    expect(await t.driver.keys()).toEqual([second]);
    // The first bucket has expired, and a write into it is skipped (older than `steps`).
    await t.insert('hits', 5, { timestamp: start });
    expect(await t.driver.keys()).toEqual([second]);
    clock.advance(1);
    expect(await t.driver.keys()).toEqual([]);
  });

  it('validates options like the Timeseries constructor', () => {
    expect(() => createMockTimeseries({ type: 'count', intervals: {} })).toThrow(ConfigError);
  });
});
