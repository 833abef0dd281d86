import { describe, expect, it } from 'vitest';
import { ConfigError, InvalidValueError } from '../src/errors';
import { Timeseries } from '../src/timeseries';
import { countingDriver } from './perf/counting-driver';

const NOW = 1_700_000_000;
const DAY = 86_400;
const intervals = { minute: { step: 60, steps: 60 } };

describe('maxFuture: write timestamps at most this far after now', () => {
  it('by default one day: a later timestamp is an InvalidValueError and nothing is sent', async () => {
    const counting = countingDriver();
    const t = new Timeseries(counting.driver, { type: 'count', intervals, clock: () => NOW });
    await t.insert('a', 1, { timestamp: NOW + DAY });
    await t.bulkInsert([[NOW + DAY, { a: [1] }]]);
    const sent = counting.roundTrips();
    await expect(t.insert('a', 1, { timestamp: NOW + DAY + 1 })).rejects.toThrow(InvalidValueError);
    await expect(t.insert('a', 1, { timestamp: new Date('9999-01-01') })).rejects.toThrow(
      /maxFuture/,
    );
    // A bad entry after good ones: the whole array is refused before anything is sent.
    await expect(
      t.bulkInsert([
        [NOW, { a: [1] }],
        [NOW + DAY + 1, { a: [1] }],
      ]),
    ).rejects.toThrow(InvalidValueError);
    expect(counting.roundTrips()).toBe(sent);
  });

  it('keeps every TTL within steps buckets plus maxFuture', async () => {
    const counting = countingDriver();
    const t = new Timeseries(counting.driver, {
      type: 'count',
      intervals,
      clock: () => NOW,
      maxFuture: 3_600,
    });
    await t.insert('a', 1, { timestamp: NOW + 3_600 });
    await expect(t.insert('a', 1, { timestamp: NOW + 3_601 })).rejects.toThrow(InvalidValueError);
    const ttls = [...counting.redis.ttl.values()];
    expect(Math.max(...ttls)).toBeLessThanOrEqual(60 * 60 + 3_600 + 60);
  });

  it('Infinity turns it off', async () => {
    const counting = countingDriver();
    const t = new Timeseries(counting.driver, {
      type: 'count',
      intervals,
      clock: () => NOW,
      maxFuture: Number.POSITIVE_INFINITY,
    });
    await t.insert('a', 1, { timestamp: NOW + 100 * DAY });
    expect(counting.roundTrips()).toBeGreaterThanOrEqual(1);
  });

  it.each([-1, Number.NaN, '1d', true])('refuses maxFuture %s with a ConfigError', (maxFuture) => {
    const { driver } = countingDriver();
    expect(
      () => new Timeseries(driver, { type: 'count', intervals, maxFuture: maxFuture as number }),
    ).toThrow(ConfigError);
  });
});
