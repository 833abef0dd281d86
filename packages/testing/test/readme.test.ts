import { expect, it } from 'vitest';
import { createMockTimeseries, manualClock } from '../src';

// The README's examples, kept runnable.
it('counts logins per minute', async () => {
  const clock = manualClock(new Date('2025-01-01T00:00:00Z'));
  const t = createMockTimeseries({
    type: 'count',
    clock,
    intervals: { minute: { step: 60, steps: 60 } },
  });

  await t.insert('logins');
  clock.advance(60);
  await t.insert('logins', 3);

  const perMinute = await t.series('logins', 'minute', { steps: 2 });
  expect([...perMinute.values()]).toEqual([1, 3]);

  // What was stored: one key per bucket (name:interval:bucket number), expiring with the
  // same clock after `steps` minutes.
  expect(await t.driver.keys()).toEqual(['logins:minute:28928160', 'logins:minute:28928161']);
  expect(await t.driver.ttl('logins:minute:28928161')).toBe(3600);
  clock.advance(3600);
  expect(await t.driver.keys()).toEqual([]);
});

it('keeps the last gauge value', async () => {
  const clock = manualClock(1_700_000_000);
  const t = createMockTimeseries({
    type: 'gauge',
    read: Number,
    clock,
    intervals: { hour: { step: '1h' } },
  });
  await t.insert('temperature', 20);
  await t.insert('temperature', 21.5);
  const [value] = (await t.get('temperature', 'hour')).values();
  expect(value).toBe(21.5);
});
