import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../src/errors';
import { MAX_RANGE_BUCKETS } from '../../src/plan/range';
import { Timeseries } from '../../src/timeseries';
import { countingDriver } from './counting-driver';

const NOW = 1_700_000_000;
const intervals = {
  minute: { step: 60, steps: 1_000 },
  hour: { step: 3_600, resolution: 60 },
};

async function filled() {
  const counting = countingDriver();
  const t = new Timeseries(counting.driver, { type: 'series', intervals, clock: () => NOW });
  const entries = [];
  for (let i = 0; i < 3_000; i++) {
    entries.push([NOW - 24 * 3_600 + i * 28, { [`n${i % 5}`]: [i] }] as const);
  }
  await t.bulkInsert(entries);
  counting.reset();
  return { t, counting };
}

describe('reads take at most two round trips', () => {
  it('get and series of a coarse interval: one', async () => {
    const { t, counting } = await filled();
    await t.get(['n0', 'n1', 'n2'], 'minute', { timestamp: NOW - 60 });
    expect(counting.roundTrips()).toBe(1);
    counting.reset();
    const rows = await t.series(['n0', 'n1', 'n2', 'n3', 'n4'], 'minute', { end: NOW, steps: 900 });
    expect(rows.size).toBe(900);
    expect(counting.roundTrips()).toBe(1);
  });

  it('get and series of a fine interval: two, whatever the names and buckets', async () => {
    const { t, counting } = await filled();
    await t.get(['n0', 'n1'], 'hour', { timestamp: NOW - 3_600 });
    expect(counting.roundTrips()).toBe(2);
    counting.reset();
    const rows = await t.series(['n0', 'n1', 'n2', 'n3', 'n4'], 'hour', { end: NOW, steps: 24 });
    expect(counting.roundTrips()).toBe(2);
    let keys = 0;
    for (const hour of rows.values()) keys += (hour as Map<number, unknown>).size;
    expect(keys).toBeGreaterThan(1_000);
    // The second round trip reads every resolution key of every name at once.
    expect(counting.pipelines[1]!.length).toBeGreaterThan(2_000);
  });

  it('iterate reads ahead many buckets per round trip', async () => {
    const { t, counting } = await filled();
    let yielded = 0;
    for await (const _ of t.iterate('n0', 'minute')) yielded++;
    expect(yielded).toBeGreaterThan(500);
    // ~1,440 minute buckets: two dozen batches, not one round trip per bucket.
    expect(counting.roundTrips()).toBeLessThanOrEqual(Math.ceil(1_441 / 64));
  });
});

describe('one series() reads at most MAX_RANGE_BUCKETS buckets', () => {
  it('reads exactly that many, and refuses one more before sending anything', async () => {
    const { t, counting } = await filled();
    const rows = await t.series('n0', 'minute', { end: NOW, steps: MAX_RANGE_BUCKETS });
    expect(rows.size).toBe(MAX_RANGE_BUCKETS);
    counting.reset();
    const end = 60 * Math.floor(NOW / 60);
    const start = end - 60 * MAX_RANGE_BUCKETS; // MAX_RANGE_BUCKETS + 1 buckets, both ends in
    await expect(t.series('n0', 'minute', { start, end })).rejects.toBeInstanceOf(
      InvalidValueError,
    );
    await expect(
      t.series('n0', 'minute', { end: NOW, steps: MAX_RANGE_BUCKETS + 1 }),
    ).rejects.toBeInstanceOf(InvalidValueError);
    expect(counting.roundTrips()).toBe(0);
  });
});

describe('huge buckets', () => {
  it('join and condense without spreading rows into call arguments', async () => {
    const counting = countingDriver();
    const t = new Timeseries(counting.driver, {
      type: 'series',
      read: Number,
      intervals: { day: { step: 86_400, resolution: 3_600 } },
      clock: () => NOW,
    });
    const day = 86_400 * Math.floor(NOW / 86_400);
    const values = 200_000;
    await t.bulkInsert(
      (function* () {
        for (let i = 0; i < values; i++) yield [day + (i % 2) * 3_600, { a: [i] }] as const;
      })(),
    );
    const joined = await t.get(['a', 'a'], 'day', { timestamp: day, condense: true });
    expect(joined.get(day)).toHaveLength(2 * values);
    expect((joined.get(day) as number[]).slice(0, 3)).toEqual([0, 2, 4]);
  });
});
