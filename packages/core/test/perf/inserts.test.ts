import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../src/errors';
import { BATCH_VALUES } from '../../src/plan/insert-queue';
import { Timeseries } from '../../src/timeseries';
import { countingDriver } from './counting-driver';

const NOW = 1_700_000_000;
const intervals = { minute: { step: 60, steps: 10 }, hour: { step: 3_600, resolution: 60 } };

describe('concurrent inserts', () => {
  it(`share pipelines of ${BATCH_VALUES} values per turn, coalesced, sent together`, async () => {
    const counting = countingDriver();
    const t = new Timeseries(counting.driver, { type: 'count', intervals, clock: () => NOW });
    await Promise.all(Array.from({ length: 2 * BATCH_VALUES }, (_, i) => t.insert(`n${i % 4}`, 1)));
    // Two batches, each its writes then (plain commands) their EXPIREs.
    expect(counting.roundTrips()).toBe(4);
    expect(counting.maxInFlight()).toBe(2);
    for (const pipeline of counting.pipelines.filter((p) => p[0]?.[0] !== 'EXPIRE')) {
      const incr = pipeline.filter((c) => c[0] === 'INCRBYFLOAT');
      expect(incr).toHaveLength(4 * 2);
      expect(incr.every((c) => c[2] === BATCH_VALUES / 4)).toBe(true);
    }
  });

  it('callers that resume together join the next batches together, in order', async () => {
    const counting = countingDriver();
    const t = new Timeseries(counting.driver, { type: 'series', intervals, clock: () => NOW });
    const caller = async (id: number) => {
      for (let k = 0; k < 10; k++) await t.insert(`n${id}`, k);
    };
    await Promise.all(Array.from({ length: 2 * BATCH_VALUES }, (_, id) => caller(id)));
    expect(counting.roundTrips()).toBe(40); // writes, then their EXPIREs
    expect(counting.redis.data.get('n5:minute:28333333')).toEqual(
      Array.from({ length: 10 }, (_, k) => String(k)),
    );
  });

  it('a bad value rejects only its own call', async () => {
    const counting = countingDriver();
    const t = new Timeseries(counting.driver, { type: 'count', intervals, clock: () => NOW });
    const results = await Promise.allSettled([
      t.insert('a', 1),
      t.insert('b', Number.NaN),
      t.insert('c', 2),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(InvalidValueError);
    expect(counting.pipelines.flat().some((c) => String(c[1]).startsWith('b:'))).toBe(false);
  });
});

describe('write()', () => {
  it('runs once per inserted value, a bad value still rejecting only its own call', async () => {
    const counting = countingDriver();
    let calls = 0;
    const t = new Timeseries(counting.driver, {
      type: 'series',
      intervals,
      clock: () => NOW,
      write: (value: string) => {
        calls++;
        if (value === 'bad') throw new Error('unwritable');
        return value.toUpperCase();
      },
    });
    const results = await Promise.allSettled([
      t.insert('a', ['x', 'y']),
      t.insert('a', ['z', 'bad']),
      t.insert('a', 'w'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toBe(5);
    expect(counting.redis.data.get('a:minute:28333333')).toEqual(['X', 'Y', 'W']);
  });
});
