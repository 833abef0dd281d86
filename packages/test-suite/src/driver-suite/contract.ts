import { type Command, StorageError } from '@kairos/core';
import { type DriverSuiteContext, uniquePrefix } from './context';

/** The raw Driver contract on any driver: reply shapes and order, errors, SCAN. */
export function contractTests(ctx: DriverSuiteContext): void {
  const { expect } = ctx.api;

  ctx.test('reports whether it is a cluster', () => {
    expect(ctx.driver().cluster).toBe(ctx.cluster);
  });

  ctx.test('returns replies in order and in raw RESP shape', async () => {
    // One hash tag keeps every key in one slot, so this batch also runs on a cluster.
    const k = `{${uniquePrefix()}}`;
    const replies = await ctx.driver().exec([
      ['RPUSH', `${k}list`, 'a', 'b', 3],
      ['HSET', `${k}hash`, 'f', '1', '2', 'two'],
      ['SADD', `${k}set`, 'x'],
      ['INCRBYFLOAT', `${k}float`, 1.5],
      ['LRANGE', `${k}list`, 0, -1],
      ['hgetall', `${k}hash`],
      ['GET', `${k}missing`],
      ['SMEMBERS', `${k}set`],
      ['INCRBYFLOAT', `${k}float`, '0.25'],
      ['INCRBY', `${k}count`, 2],
      ['HGET', `${k}hash`, 'nope'],
    ]);
    expect(replies).toEqual([
      3,
      2,
      1,
      '1.5',
      ['a', 'b', '3'],
      ['f', '1', '2', 'two'],
      null,
      ['x'],
      '1.75',
      2,
      null,
    ]);
  });

  ctx.test('resolves an empty batch without a round trip', async () => {
    expect(await ctx.driver().exec([])).toEqual([]);
  });

  ctx.test(
    'rejects a WRONGTYPE failure with a StorageError naming the command, after the others ran',
    async () => {
      const k = `{${uniquePrefix()}}`;
      const bad: Command = ['RPUSH', `${k}str`, 'x'];
      const error = await ctx
        .driver()
        .exec([['SET', `${k}str`, 'v'], bad, ['SET', `${k}after`, 'w']])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).command).toEqual(bad);
      expect((error as StorageError).message).toMatch(/WRONGTYPE[\s\S]*RPUSH/);
      expect(((error as StorageError).cause as Error).message).toMatch(/WRONGTYPE/);
      // A pipeline is not a transaction: the command after the failure was applied.
      expect(await ctx.driver().exec([['GET', `${k}after`]])).toEqual(['w']);
    },
  );

  ctx.test('scans with a glob and finds exactly the matching keys', async () => {
    const driver = ctx.driver();
    const p = uniquePrefix();
    const names = Array.from({ length: 150 }, (_, i) => `${p}k${i}`);
    await driver.exec(names.map((name) => ['SET', name, '1'] as const).slice(0, 1));
    // Spread over many slots on a cluster: one command per key so any slot works.
    for (const name of names.slice(1)) await driver.exec([['SET', name, '1']]);
    await driver.exec([['SET', `${p.slice(0, -1)}-other`, '1']]);
    const found: string[] = [];
    for await (const key of driver.scan(`${p}k*`)) found.push(key);
    expect([...new Set(found)].sort()).toEqual([...names].sort());
  });
}
