import { describe, expect, it } from 'vitest';
import type { Command, Reply } from '../src/driver';
import {
  InvalidNameError,
  InvalidValueError,
  StorageError,
  UnknownIntervalError,
} from '../src/errors';
import { Timeseries } from '../src/timeseries';
import { recordingDriver } from './recording-driver';

const NOW = 1_764_291_630; // 2025-11-28T01:00:30Z
const HOUR = Math.floor(NOW / 3600);
const MINUTE = Math.floor(NOW / 60);

/** Replies from a table of key → reply; anything else is missing. */
function table(replies: Record<string, Reply>) {
  return (command: Command): Reply =>
    replies[String(command[1])] ?? (command[0] === 'GET' ? null : []);
}

describe('Timeseries validation', () => {
  const make = () => {
    const rec = recordingDriver();
    const t = new Timeseries(rec.driver, {
      type: 'count',
      clock: () => NOW,
      intervals: { m: { step: 60 } },
    });
    return { rec, t };
  };

  it.each([
    ['an empty name', (t: Timeseries<'count'>) => t.insert(''), InvalidNameError],
    ['a name with a colon', (t: Timeseries<'count'>) => t.insert('a:b'), InvalidNameError],
    [
      'a count that is not a number',
      (t: Timeseries<'count'>) => t.insert('a', 'x' as never),
      InvalidValueError,
    ],
    [
      'an invalid Date',
      (t: Timeseries<'count'>) => t.insert('a', 1, { timestamp: new Date('nope') }),
      InvalidValueError,
    ],
    [
      'intervals: 1.5',
      (t: Timeseries<'count'>) => t.insert('a', 1, { intervals: 1.5 }),
      InvalidValueError,
    ],
    ['an unknown interval', (t: Timeseries<'count'>) => t.get('a', 'hour'), UnknownIntervalError],
    [
      'an unknown transform',
      // @ts-expect-error: not a quantile for the type either; the run-time check agrees
      (t: Timeseries<'count'>) => t.get('a', 'm', { transform: 'p101' }),
      InvalidValueError,
    ],
    ['steps: 0', (t: Timeseries<'count'>) => t.series('a', 'm', { steps: 0 }), InvalidValueError],
    ['an empty list of names', (t: Timeseries<'count'>) => t.series([], 'm'), InvalidNameError],
    [
      'a bad entry in a bulk insert',
      (t: Timeseries<'count'>) =>
        t.bulkInsert([
          [NOW, { a: [1] }],
          [NOW, { b: [Number.NaN] }],
        ]),
      InvalidValueError,
    ],
  ])('rejects %s before sending anything', async (_, call, error) => {
    const { rec, t } = make();
    await expect(call(t)).rejects.toThrow(error);
    expect(rec.pipelines).toEqual([]);
  });

  it('throws from iterate() at the call, before iteration', () => {
    const { rec, t } = make();
    expect(() => t.iterate('a*:', 'm')).toThrow(InvalidNameError);
    expect(rec.scans).toEqual([]);
  });

  it('wraps a driver failure in StorageError with the cause', async () => {
    const cause = new Error('connection lost');
    const t = new Timeseries(
      { cluster: false, exec: () => Promise.reject(cause), scan: async function* () {} },
      { type: 'count', intervals: { m: { step: 60 } } },
    );
    const error = await t.insert('a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).cause).toBe(cause);
  });
});

describe('Timeseries reads', () => {
  const intervals = { m: { step: 60 }, h: { step: '1h', resolution: 60 } };

  it('reads a fine bucket in two round trips and keys rows by resolution start', async () => {
    const iKey = `a:h:${HOUR}`;
    const rec = recordingDriver(
      table({
        [iKey]: [String(MINUTE), String(MINUTE - 1)],
        [`${iKey}:${MINUTE}`]: ['2'],
        [`${iKey}:${MINUTE - 1}`]: ['1'],
      }),
    );
    const t = new Timeseries(rec.driver, {
      type: 'series',
      read: Number,
      clock: () => NOW,
      intervals,
    });
    const got = await t.get('a', 'h');
    expect([...got]).toEqual([
      [(MINUTE - 1) * 60, [1]],
      [MINUTE * 60, [2]],
    ]);
    expect(rec.pipelines.map((p) => p.map((c) => c[0]))).toEqual([
      ['SMEMBERS'],
      ['LRANGE', 'LRANGE'],
    ]);
  });

  it('reads a series of many names and buckets in two round trips', async () => {
    const rec = recordingDriver();
    const t = new Timeseries(rec.driver, { type: 'series', clock: () => NOW, intervals });
    const result = await t.series(['a', 'b', 'c'], 'h', { steps: 24 });
    expect(result.size).toBe(24);
    expect(rec.pipelines.length).toBeLessThanOrEqual(2);
    expect(rec.pipelines[0]).toHaveLength(72);
  });

  it('joins names per bucket and condenses after joining', async () => {
    const replies = { [`a:m:${MINUTE}`]: '2', [`b:m:${MINUTE}`]: '3.5' };
    const rec = recordingDriver(table(replies));
    const t = new Timeseries(rec.driver, { type: 'count', clock: () => NOW, intervals });
    expect(await t.get(['a', 'b'], 'm')).toEqual(new Map([[MINUTE * 60, 5.5]]));
    expect(await t.get(['a', 'b'], 'm', { transform: 'rate' })).toEqual(
      new Map([[MINUTE * 60, 5.5 / 60]]),
    );
  });

  it('collapses a range into one row keyed by its first bucket, with the whole duration', async () => {
    const replies = { [`a:m:${MINUTE}`]: '6', [`a:m:${MINUTE - 2}`]: '3' };
    const rec = recordingDriver(table(replies));
    const t = new Timeseries(rec.driver, { type: 'count', clock: () => NOW, intervals });
    const collapsed = await t.series('a', 'm', {
      steps: 3,
      collapse: true,
      transform: { total: 'count', perSecond: 'rate' },
    });
    expect(collapsed).toEqual(new Map([[(MINUTE - 2) * 60, { total: 9, perSecond: 9 / 180 }]]));
  });

  it('uses fetch/processRow/joinRows instead of the defaults', async () => {
    const rec = recordingDriver((command) => command.length);
    const t = new Timeseries(rec.driver, { type: 'count', clock: () => NOW, intervals });
    const got = await t.get(['a', 'b'], 'm', {
      fetch: (key) => ['STRLEN', key],
      processRow: (reply) => Number(reply) * 10,
      joinRows: (rows) => rows.length,
    });
    expect(rec.commands()).toEqual([
      ['STRLEN', `a:m:${MINUTE}`],
      ['STRLEN', `b:m:${MINUTE}`],
    ]);
    expect(got).toEqual(new Map([[MINUTE * 60, 2]]));
  });
});

describe('Timeseries metadata', () => {
  const keys = [
    `a*:m:${MINUTE}`,
    `a*:h:${HOUR}`,
    `a*:h:${HOUR}:${MINUTE}`,
    `ab:m:${MINUTE - 5}`,
    'a*:gone:1',
    'unrelated',
  ];

  it('escapes names in SCAN patterns and reports only parsed keys of configured intervals', async () => {
    const rec = recordingDriver(undefined, keys);
    const t = new Timeseries(rec.driver, {
      type: 'count',
      prefix: 'p[1]',
      intervals: { m: { step: 60 }, h: { step: 3600, resolution: 60 } },
    });
    await t.properties('a*');
    expect(rec.scans).toEqual(['p\\[1\\]:a\\*:*']);
  });

  it('deletes one key per DEL so a cluster never sees a cross-slot command', async () => {
    const rec = recordingDriver(() => 1, keys);
    const t = new Timeseries(rec.driver, {
      type: 'count',
      intervals: { m: { step: 60 }, h: { step: 3600, resolution: 60 } },
    });
    expect(await t.delete('a*')).toBe(4);
    // Besides the DELs, only the read of the name's labels (one key, no labels here).
    const dels = rec.commands();
    expect(dels.pop()).toEqual(['HGETALL', ':labels:{a*}']);
    expect(dels.length).toBe(4);
    expect(dels.every((c) => c.length === 2 && c[0] === 'DEL')).toBe(true);
    expect(rec.commands().map((c) => c[1])).not.toContain(`ab:m:${MINUTE - 5}`);
  });

  it('lists names sorted, from keys of configured intervals only', async () => {
    const rec = recordingDriver(undefined, keys);
    const t = new Timeseries(rec.driver, { type: 'count', intervals: { m: { step: 60 } } });
    expect(await t.list()).toEqual(['a*', 'ab']);
  });
});

describe('series() range bounds', () => {
  it('bounds calendar ranges like relative ones, before sending anything', async () => {
    const rec = recordingDriver();
    const t = new Timeseries(rec.driver, { type: 'count', intervals: { d: { step: 'daily' } } });
    await expect(t.series('a', 'd', { start: 0, end: 1e10 })).rejects.toThrow(
      /would read \d+ buckets/,
    );
    expect(rec.pipelines).toEqual([]);
  });

  it("names the interval's own steps when they make the default range too long", async () => {
    const rec = recordingDriver();
    const t = new Timeseries(rec.driver, {
      type: 'count',
      intervals: { s: { step: 1, steps: 200_000 } },
    });
    await expect(t.series('a', 's')).rejects.toThrow(/"s" would read 200000 buckets/);
    await expect(t.series('a', 's', { steps: 10 })).resolves.toHaveProperty('size', 10);
  });
});

describe('Timeseries.intervals', () => {
  it('describes each interval in nominal seconds, in the order of the options', () => {
    const t = new Timeseries(recordingDriver().driver, {
      type: 'series',
      intervals: {
        minute: { step: 60, steps: 120 },
        hour: { step: '1h', resolution: 60 },
        daily: { step: 'daily', resolution: '1h' },
      },
    });
    expect(t.intervals).toEqual([
      { name: 'minute', step: 60, resolution: 60, steps: 120, coarse: true },
      { name: 'hour', step: 3600, resolution: 60, steps: undefined, coarse: false },
      {
        name: 'daily',
        step: 86400,
        resolution: 3600,
        steps: undefined,
        coarse: false,
        calendar: 'daily',
      },
    ]);
  });
});
