import { type Command, StorageError } from '@kairos/core';
import { escapeGlob, scanAll, uniquePrefix } from '../support/storage';
import type { DriverSuiteContext } from './context';

/** The raw Driver contract on any driver: reply shapes and order, errors, SCAN. */
export function contractTests(ctx: DriverSuiteContext): void {
  const { expect } = ctx.api;

  ctx.test('reports whether it is a cluster', () => {
    expect(ctx.driver().cluster).toBe(ctx.cluster);
  });

  ctx.test('returns replies in order and in raw RESP shape', async () => {
    // One hash tag keeps every key in one slot, so this batch also runs on a cluster.
    const k = `{${uniquePrefix('t')}}:`;
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
    // HGETALL is a flat [field, value, …] array; Redis does not promise the field order.
    const pairs = (flat: unknown) =>
      (flat as string[]).flatMap((v, i, all) => (i % 2 ? [] : [`${v}=${all[i + 1]}`])).sort();
    expect(pairs(replies[5])).toEqual(['2=two', 'f=1']);
    expect(replies.filter((_, i) => i !== 5)).toEqual([
      3,
      2,
      1,
      '1.5',
      ['a', 'b', '3'],
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
      const k = `{${uniquePrefix('t')}}:`;
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
    const p = `${uniquePrefix('t')}:`;
    const names = Array.from({ length: 150 }, (_, i) => `${p}k${i}`);
    await driver.exec(names.map((name) => ['SET', name, '1'] as const).slice(0, 1));
    // Spread over many slots on a cluster: one command per key so any slot works.
    for (const name of names.slice(1)) await driver.exec([['SET', name, '1']]);
    await driver.exec([['SET', `${p.slice(0, -1)}-other`, '1']]);
    const found: string[] = [];
    for await (const key of driver.scan(`${p}k*`)) found.push(key);
    expect([...new Set(found)].sort()).toEqual([...names].sort());
  });

  ctx.test('keeps replies in order across many keys (any slot)', async () => {
    const p = uniquePrefix('t');
    const keys = Array.from({ length: 200 }, (_, i) => `${p}:k${i}`);
    await ctx.driver().exec(keys.map((k, i): Command => ['SET', k, i]));
    expect(await ctx.driver().exec(keys.map((k): Command => ['GET', k]))).toEqual(
      keys.map((_, i) => String(i)),
    );
    expect(await ctx.driver().exec(keys.map((k): Command => ['DEL', k]))).toEqual(
      keys.map(() => 1),
    );
  });

  ctx.test('scans glob characters escaped with a backslash literally', async () => {
    const p = uniquePrefix('t');
    const names = ['a*b', 'a?b', 'a[b', 'a]b', 'a\\b', 'axb', 'ab'];
    await ctx.driver().exec(names.map((n): Command => ['SET', `${p}:${n}`, '1']));
    const scan = (suffix: string) => scanAll(ctx.driver(), `${escapeGlob(p)}:${suffix}`);
    expect(await scan('a\\*b')).toEqual([`${p}:a*b`]);
    expect(await scan('a\\?b')).toEqual([`${p}:a?b`]);
    expect(await scan('a\\[b')).toEqual([`${p}:a[b`]);
    expect(await scan('a\\\\b')).toEqual([`${p}:a\\b`]);
    expect(await scan('a?b')).toEqual(
      ['a*b', 'a?b', 'a[b', 'a\\b', 'a]b', 'axb'].map((n) => `${p}:${n}`).sort(),
    );
    expect((await scan('*')).length).toBe(names.length);
    await ctx.driver().exec(names.map((n): Command => ['DEL', `${p}:${n}`]));
  });

  ctx.test('scans every key of a large keyspace', async () => {
    const p = uniquePrefix('t');
    const keys = Array.from({ length: 1200 }, (_, i) => `${p}:${i}`);
    await ctx.driver().exec(keys.map((k): Command => ['SET', k, '1']));
    expect(await scanAll(ctx.driver(), `${escapeGlob(p)}:*`)).toEqual([...keys].sort());
    await ctx.driver().exec(keys.map((k): Command => ['DEL', k]));
  });
}
