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
    clock.advance(120);
    // Two minutes later the first bucket is `steps` old: writes into it are skipped.
    await t.insert('hits', 5, { timestamp: start });
    expect((await t.get('hits', 'minute', { timestamp: start })).get(start)).toBe(1);
  });

  it('validates options like the Timeseries constructor', () => {
    expect(() => createMockTimeseries({ type: 'count', intervals: {} })).toThrow(ConfigError);
  });
});
