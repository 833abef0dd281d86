import { type Command, StorageError } from '@kairos/core';
import type { SuiteContext } from './context';
import { failureOf } from './failure';
import { escapeGlob } from './model';

/** The Driver itself (docs/ARCHITECTURE.md "The data path"): raw RESP replies in order, errors, SCAN. */
export function driverContractTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;

  ctx.api.describe('driver contract', () => {
    ctx.test('exec answers raw RESP shapes in command order', async () => {
      const p = ctx.uniquePrefix();
      const replies = await ctx.driver().exec([
        ['RPUSH', `${p}:l`, 'a', 2, ''],
        ['LRANGE', `${p}:l`, 0, -1],
        ['SADD', `${p}:s`, 'x', 'y', 'x'],
        ['SMEMBERS', `${p}:s`],
        ['HINCRBY', `${p}:h`, 'f', 3],
        ['HGETALL', `${p}:h`],
        ['HGETALL', `${p}:none`],
        ['INCRBY', `${p}:c`, 5],
        ['INCRBYFLOAT', `${p}:c`, 0.5],
        ['SET', `${p}:g`, 'v'],
        ['GET', `${p}:g`],
        ['GET', `${p}:none`],
        ['LRANGE', `${p}:none`, 0, -1],
        ['DEL', `${p}:g`],
        ['DEL', `${p}:none`],
      ]);
      expect(replies.length).toBe(15);
      expect(replies.slice(0, 3)).toEqual([3, ['a', '2', ''], 2]);
      expect([...(replies[3] as string[])].sort()).toEqual(['x', 'y']);
      expect(replies.slice(4)).toEqual([3, ['f', '3'], [], 5, '5.5', 'OK', 'v', null, [], 1, 0]);
      await ctx.driver().exec([
        ['DEL', `${p}:l`],
        ['DEL', `${p}:s`],
        ['DEL', `${p}:h`],
        ['DEL', `${p}:c`],
      ]);
    });

    ctx.test('exec of many keys (any slot) keeps replies in order', async () => {
      const p = ctx.uniquePrefix();
      const keys = Array.from({ length: 200 }, (_, i) => `${p}:k${i}`);
      await ctx.driver().exec(keys.map((k, i): Command => ['SET', k, i]));
      expect(await ctx.driver().exec(keys.map((k): Command => ['GET', k]))).toEqual(
        keys.map((_, i) => String(i)),
      );
      expect(await ctx.driver().exec(keys.map((k): Command => ['DEL', k]))).toEqual(
        keys.map(() => 1),
      );
    });

    ctx.test('an empty batch resolves to no replies', async () => {
      expect(await ctx.driver().exec([])).toEqual([]);
    });

    ctx.test('scan matches glob characters escaped with a backslash literally', async () => {
      const p = ctx.uniquePrefix();
      const names = ['a*b', 'a?b', 'a[b', 'a]b', 'a\\b', 'axb', 'ab'];
      await ctx.driver().exec(names.map((n): Command => ['SET', `${p}:${n}`, '1']));
      const scan = (suffix: string) => ctx.scanKeys(`${escapeGlob(p)}:${suffix}`);
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

    ctx.test('scan finds every key of a large keyspace', async () => {
      const p = ctx.uniquePrefix();
      const keys = Array.from({ length: 1200 }, (_, i) => `${p}:${i}`);
      await ctx.driver().exec(keys.map((k): Command => ['SET', k, '1']));
      expect(await ctx.scanKeys(`${escapeGlob(p)}:*`)).toEqual([...keys].sort());
      await ctx.driver().exec(keys.map((k): Command => ['DEL', k]));
    });

    if (!ctx.features.storageErrors) return;

    ctx.test('a failed command rejects with StorageError naming it, with the cause', async () => {
      const p = ctx.uniquePrefix();
      const failing: Command = ['INCRBY', `${p}:list`, 1];
      const error = await failureOf(() =>
        ctx.driver().exec([['RPUSH', `${p}:list`, 'x'], failing, ['DEL', `${p}:other`]]),
      );
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).message).toMatch(/INCRBY/);
      expect((error as Error).cause instanceof Error).toBe(true);
      expect(String(((error as Error).cause as Error).message)).toMatch(/WRONGTYPE/);
      await ctx.driver().exec([['DEL', `${p}:list`]]);
    });
  });
}
