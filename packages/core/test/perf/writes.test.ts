import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config';
import type { Command } from '../../src/driver';
import type { BulkEntry } from '../../src/options';
import { writeEntries } from '../../src/plan/writer';
import type { SeriesType } from '../../src/transforms';
import { countingDriver, MiniRedis } from './counting-driver';

const NOW = 1_700_000_000;
const intervals = {
  day: { step: 86_400, steps: 7 },
  hour: { step: 3_600, resolution: 60 },
};

function config(type: SeriesType) {
  return buildConfig(countingDriver().driver, { type, intervals, clock: () => NOW });
}

/** 2,000 values over 3 names and 10 minutes, names interleaved; counts include floats. */
function data(type: SeriesType): BulkEntry<string | number>[] {
  return Array.from({ length: 2_000 }, (_, i) => {
    const value = type === 'count' ? ((i % 7) - 2) / 4 : type === 'gauge' ? `g${i}` : i % 13;
    return [NOW - 600 + (i % 600), { [`n${i % 3}`]: [value] }] as const;
  });
}

async function written(type: SeriesType, chunk: number) {
  const redis = new MiniRedis();
  const pipelines: Command[][] = [];
  await writeEntries(
    config(type),
    data(type),
    0,
    async (commands) => {
      pipelines.push(commands);
      return commands.map((command) => redis.run(command));
    },
    chunk,
  );
  return { redis, pipelines, commands: pipelines.flat() };
}

describe('a bulk insert is coalesced', () => {
  it('sends one command per key, one SADD per index and one EXPIRE per TTL key', async () => {
    const { commands, pipelines } = await written('series', 10_000);
    expect(pipelines).toHaveLength(1);
    const count = (name: string) => commands.filter((c) => c[0] === name).length;
    const keys = new Set(commands.filter((c) => c[0] === 'RPUSH').map((c) => c[1]));
    expect(count('RPUSH')).toBe(keys.size);
    // 3 names × (1 day key + ≤ 11 minute keys); 2,000 values, not 4,000 commands.
    expect(count('RPUSH')).toBeLessThanOrEqual(3 * 12);
    expect(count('SADD')).toBeLessThanOrEqual(3 * 2);
    expect(count('EXPIRE')).toBe(3);
  });

  it('sums counts and histogram fields, keeps the last gauge', async () => {
    for (const type of ['count', 'histogram', 'gauge'] as const) {
      const { commands } = await written(type, 10_000);
      const perKey = new Map<string, number>();
      for (const c of commands) {
        if (c[0] === 'SADD' || c[0] === 'EXPIRE') continue;
        const id = `${c[1]} ${type === 'histogram' ? c[2] : ''}`;
        perKey.set(id, (perKey.get(id) ?? 0) + 1);
      }
      expect(Math.max(...perKey.values()), type).toBe(1);
    }
  });

  it.each(['series', 'count', 'histogram', 'gauge', 'set'] as const)(
    'leaves the same %s data as one value per pipeline',
    async (type) => {
      const coalesced = await written(type, 10_000);
      const oneByOne = await written(type, 1);
      expect(oneByOne.pipelines).toHaveLength(2_000);
      expect(coalesced.redis.snapshot()).toEqual(oneByOne.redis.snapshot());
    },
  );

  it.each(['series', 'count', 'histogram', 'gauge', 'set'] as const)(
    'scripted (EVALs in one pipeline per chunk) leaves the same %s data',
    async (type) => {
      const plain = await written(type, 10_000);
      const counting = countingDriver({ scripts: true });
      const { Timeseries } = await import('../../src/timeseries');
      const t = new Timeseries(counting.driver, { type, intervals, clock: () => NOW });
      await t.bulkInsert(data(type));
      expect(counting.pipelines).toHaveLength(1);
      const [first, ...others] = counting.pipelines[0]!;
      expect(first![0]).toBe('EVAL');
      expect(others.every((command) => command[0] === 'EVALSHA')).toBe(true);
      expect(counting.redis.snapshot()).toEqual(plain.redis.snapshot());
    },
  );
});

describe('one huge entry', () => {
  it('still travels in chunks of at most 10,000 values, in order', async () => {
    const counting = countingDriver();
    const { Timeseries } = await import('../../src/timeseries');
    const t = new Timeseries(counting.driver, {
      type: 'series',
      intervals: { day: { step: 86_400 } },
      clock: () => NOW,
    });
    const many = Array.from({ length: 25_000 }, (_, i) => String(i));
    await t.insert('a', many, { timestamp: NOW });
    await t.bulkInsert([[NOW, { b: many.slice(0, 15_000), c: many.slice(0, 5_000) }]]);
    const sizes = counting.pipelines.map((p) => p.reduce((n, c) => n + c.length - 2, 0));
    expect(sizes).toEqual([10_000, 10_000, 5_000, 10_000, 10_000]);
    const day = Math.floor(NOW / 86_400);
    expect(counting.redis.data.get(`a:day:${day}`)).toEqual(many);
    expect(counting.redis.data.get(`b:day:${day}`)).toEqual(many.slice(0, 15_000));
    expect(counting.redis.data.get(`c:day:${day}`)).toEqual(many.slice(0, 5_000));
  });
});
