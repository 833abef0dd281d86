import { describe, expect, it } from 'vitest';
import { StorageError } from '../../src/errors';
import type { BulkEntry } from '../../src/options';
import { CHUNK_VALUES } from '../../src/plan/writer';
import { Timeseries } from '../../src/timeseries';
import { countingDriver } from './counting-driver';

const NOW = 1_700_000_000;
const intervals = { minute: { step: 60, steps: 100 }, hour: { step: 3_600, resolution: 60 } };

describe('a streamed bulk insert', () => {
  it('sends chunks before the iterable ends, one in flight, each bounded', async () => {
    const counting = countingDriver();
    const t = new Timeseries(counting.driver, { type: 'series', intervals, clock: () => NOW });
    const total = 5 * CHUNK_VALUES + 123;
    let sentBeforeEnd = -1;
    async function* source(): AsyncGenerator<BulkEntry<number>> {
      for (let i = 0; i < total; i++) yield [NOW - 3_000 + (i % 3_000), { [`n${i % 10}`]: [i] }];
      sentBeforeEnd = counting.roundTrips();
    }
    await t.bulkInsert(source());
    // Six chunks, each its writes then (plain commands) their EXPIREs.
    expect(counting.roundTrips()).toBe(12);
    // Memory stays bounded: most chunks left before the source was exhausted.
    expect(sentBeforeEnd).toBeGreaterThanOrEqual(8);
    expect(counting.maxInFlight()).toBe(1);
    const pushed = counting.pipelines
      .flat()
      .filter((c) => c[0] === 'RPUSH')
      .reduce((n, c) => n + c.length - 2, 0);
    expect(pushed).toBe(2 * total);
  });

  it('does not send a later chunk after an earlier one failed', async () => {
    const counting = countingDriver();
    let calls = 0;
    const failing = {
      ...counting.driver,
      exec: async (commands: Parameters<typeof counting.driver.exec>[0]) => {
        calls++;
        // Chunk 1 is calls 1 (writes) and 2 (EXPIREs); chunk 2's writes fail.
        if (calls === 3) throw new Error('boom');
        return counting.driver.exec(commands);
      },
    };
    const t = new Timeseries(failing, { type: 'series', intervals, clock: () => NOW });
    async function* source(): AsyncGenerator<BulkEntry<number>> {
      for (let i = 0; i < 5 * CHUNK_VALUES; i++) yield [NOW, { n: [i] }];
    }
    const error = await t.bulkInsert(source()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    // The error says what is known of the call's chunks.
    expect((error as Error).message).toMatch(
      /boom; bulkInsert chunk 2: chunk 1 was written, none after it was sent$/,
    );
    // Then only chunk 2's TYPE check (which keys may get their EXPIRE); chunk 3 is never sent.
    expect(calls).toBe(4);
  });
});
