import { afterAll, describe, expect, it } from 'vitest';
import { createTimeseries } from '../src/index';
import { clusterClient, standaloneClient, targets, uniquePrefix } from './clients';

describe.runIf(targets.available).each([
  ['standalone', standaloneClient],
  ['cluster', clusterClient],
] as const)('createTimeseries on %s', (_kind, connect) => {
  const client = targets.available ? connect() : undefined;
  afterAll(() => client?.disconnect());

  it.each([true, false])('writes and reads back a series (scripts: %s)', async (scripts) => {
    const t = createTimeseries(
      client!,
      { type: 'series', read: Number, prefix: uniquePrefix(), intervals: { minute: { step: 60 } } },
      { scripts },
    );
    await t.bulkInsert([[120, { a: [1, 2], b: [3] }]]);
    await t.insert('a', 4, { timestamp: 130 });
    expect(await t.get('a', 'minute', { timestamp: 125 })).toEqual(new Map([[120, [1, 2, 4]]]));
    expect(await t.get(['a', 'b'], 'minute', { timestamp: 125 })).toEqual(
      new Map([[120, [1, 2, 4, 3]]]),
    );
    expect(await t.list()).toEqual(['a', 'b']);
  });
});
