import { StorageError } from '@kairos/core';
import { failureOf } from '../support/failure';
import type { SuiteContext } from './context';
import { bucketOf, NOW } from './model';

/** Driver failures surface as `StorageError` with the cause and the failed command. */
export function storageErrorTests(ctx: SuiteContext): void {
  if (!ctx.features.storageErrors) return;
  const { expect } = ctx.api;
  const minute = { minute: { step: 60 } };
  const key = (f: { name(n: string): string }, name: string) =>
    `${f.name(name)}:minute:${bucketOf(NOW, 60)}`;

  const expectStorageError = (error: unknown, command: string) => {
    expect(error).toBeInstanceOf(StorageError);
    const e = error as StorageError;
    expect(e.cause === undefined).toBe(false);
    expect(e.message).toMatch(new RegExp(command, 'i'));
  };

  ctx.api.describe('storage errors', () => {
    ctx.test('a failed write rejects with StorageError naming the command', async () => {
      const f = ctx.fresh({ type: 'series', intervals: minute });
      // A set where the series list should be: RPUSH fails with WRONGTYPE.
      await ctx.raw([['SADD', key(f, 's'), 'x']]);
      expectStorageError(await failureOf(() => f.t.insert('s', 'v', { timestamp: NOW })), 'RPUSH');
    });

    ctx.test('a count over a non-numeric value fails (INCRBY on text)', async () => {
      const f = ctx.fresh({ type: 'count', intervals: minute });
      await ctx.raw([['SET', key(f, 'c'), 'not a number']]);
      expectStorageError(await failureOf(() => f.t.insert('c', 1, { timestamp: NOW })), 'INCR');
    });

    ctx.test('a failed read rejects with StorageError', async () => {
      const f = ctx.fresh({ type: 'histogram', intervals: minute });
      await ctx.raw([['RPUSH', key(f, 'h'), 'x']]);
      expectStorageError(
        await failureOf(() => f.t.get('h', 'minute', { timestamp: NOW })),
        'HGETALL',
      );
    });
  });
}
