import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/driver';
import type { DumpRecord } from '../../src/dump/record';
import { InvalidRecordError, InvalidValueError } from '../../src/errors';
import { Timeseries } from '../../src/timeseries';
import type { SeriesType } from '../../src/transforms';
import { recordingDriver } from '../recording-driver';

const NOW = 1_741_737_600;
const intervals = { minute: { step: 60 }, hour: { step: 3600, resolution: 60, steps: 2 } };
const make = (type: SeriesType, cluster = false) => {
  const recorded = recordingDriver(undefined, [], cluster);
  const t = new Timeseries(recorded.driver, { type, intervals, prefix: 'p', clock: () => NOW });
  return { t, ...recorded };
};
const coarse = (
  type: SeriesType,
  data: DumpRecord['data'],
  ttl: number | null = null,
): DumpRecord => ({
  name: 'n',
  interval: 'minute',
  type,
  bucket: NOW / 60,
  start: NOW,
  ttl,
  data,
});

describe('restore plans replacing writes', () => {
  it.each([
    [
      'series',
      ['a', 'b', 'a'],
      [
        ['DEL', 'p:n:minute:29028960'],
        ['RPUSH', 'p:n:minute:29028960', 'a', 'b', 'a'],
      ],
    ],
    [
      'set',
      ['a', 'b'],
      [
        ['DEL', 'p:n:minute:29028960'],
        ['SADD', 'p:n:minute:29028960', 'a', 'b'],
      ],
    ],
    [
      'histogram',
      [
        ['a', 2],
        ['b', '9007199254740993'],
      ],
      [
        ['DEL', 'p:n:minute:29028960'],
        ['HSET', 'p:n:minute:29028960', 'a', '2', 'b', '9007199254740993'],
      ],
    ],
    ['count', '0.30000000000000000001', [['SET', 'p:n:minute:29028960', '0.30000000000000000001']]],
    ['gauge', '', [['SET', 'p:n:minute:29028960', '']]],
  ] as const)('%s: the key deleted and written whole', async (type, data, commands) => {
    const { t, pipelines } = make(type);
    expect(await t.restore([coarse(type, data as DumpRecord['data'])])).toEqual({
      buckets: 1,
      values: type === 'count' || type === 'gauge' ? 1 : (data as unknown as unknown[]).length,
      names: 1,
      expired: 0,
    });
    expect(pipelines).toEqual([commands]);
  });

  it('a fine row: the row replaced, listed in its index, both with the TTL left', async () => {
    const { t, pipelines } = make('count');
    const row = {
      ...coarse('count', 3, 100.5),
      interval: 'hour',
      bucket: NOW / 3600,
      resolution: NOW / 60,
    };
    await t.restore([row]);
    expect(pipelines).toEqual([
      [
        ['SET', 'p:n:hour:483816:29028960', '3'],
        ['PEXPIRE', 'p:n:hour:483816:29028960', 100_500],
        ['SADD', 'p:n:hour:483816', 29028960],
        ['PEXPIRE', 'p:n:hour:483816', 100_500],
      ],
    ]);
  });

  it('the prefix option and a cluster driver: the hash-tag layout under that prefix', async () => {
    const { t, pipelines } = make('gauge', true);
    await t.restore([coarse('gauge', 'v')], { prefix: 'copy' });
    expect(pipelines).toEqual([[['SET', 'copy:{n}:minute:29028960', 'v']]]);
    await expect(t.restore([], { prefix: 'a{b' })).rejects.toThrow(InvalidValueError);
  });

  it('dumpedAt shortens TTLs; a TTL run out skips the record', async () => {
    const { t, pipelines } = make('gauge');
    const summary = await t.restore([coarse('gauge', 'a', 60), coarse('gauge', 'b', 600)], {
      dumpedAt: NOW - 120,
    });
    expect(summary).toEqual({ buckets: 1, values: 1, names: 1, expired: 1 });
    expect(pipelines.flat()).toEqual([
      ['SET', 'p:n:minute:29028960', 'b'],
      ['PEXPIRE', 'p:n:minute:29028960', 480_000],
    ]);
  });

  const bad: Array<[string, Partial<DumpRecord> | null, RegExp]> = [
    ['not an object', null, /a record must be an object/],
    ['a bad name', { name: 'a:b' }, /invalid series name/],
    ['another type', { type: 'set' }, /type "set" does not match this count series/],
    ['an unknown interval', { interval: 'day' }, /interval "day" is not configured/],
    ['a bucket of another schema', { start: NOW + 1 }, /another schema\? use migrate/],
    ['a row in a coarse interval', { resolution: 1 }, /coarse here/],
    [
      'a fine record without its row',
      { interval: 'hour', bucket: NOW / 3600, start: NOW },
      /needs its resolution/,
    ],
    ['a bad ttl', { ttl: Number.NaN }, /ttl must be/],
    ['a count that is not a number', { data: 'ten' }, /count data must be a finite number/],
    [
      'a histogram count that is not whole',
      { type: 'count', data: [['a', 1.5]] as never },
      /count data/,
    ],
  ];
  it.each(bad)(
    '%s: InvalidRecordError naming the record, nothing sent',
    async (_label, change, message) => {
      const { t, pipelines } = make('count');
      const records = [
        coarse('count', 1),
        change === null ? null : { ...coarse('count', 2), ...change },
      ];
      const error = await t.restore(records as DumpRecord[]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRecordError);
      expect((error as InvalidRecordError).record).toBe(2);
      expect((error as Error).message).toMatch(message);
      expect(pipelines).toEqual([]);
    },
  );

  it('histogram counts must be whole; strings and lone surrogates are refused', async () => {
    const { t } = make('histogram');
    for (const data of [[['a', 1.5]], [['a', 'x']], [['\uD800', 1]], [['a']]]) {
      const error = await t.restore([coarse('histogram', data as never)]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRecordError);
    }
    const series = make('series').t;
    const error = await series.restore([coarse('series', [1] as never)]).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/series data must be an array of strings/);
  });

  it('a huge bucket is written in commands of at most 4,000 values, in order', async () => {
    const { t, pipelines } = make('series');
    const values = Array.from({ length: 9_000 }, (_, n) => `${n}`);
    await t.restore([coarse('series', values)]);
    const pushed = pipelines.flat().filter((c: Command) => c[0] === 'RPUSH');
    expect(pushed.map((c) => c.length - 2)).toEqual([4_000, 4_000, 1_000]);
    expect(pushed.flatMap((c) => c.slice(2))).toEqual(values);
  });

  it('not an iterable: InvalidValueError', async () => {
    const { t } = make('count');
    await expect(t.restore(42 as never)).rejects.toThrow(/iterable/);
  });
});
