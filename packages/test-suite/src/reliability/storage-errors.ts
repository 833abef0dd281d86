import { type Command, type SeriesType, StorageError } from '@kairos/core';
import { NOW } from '../conformance/model';
import { failureOf } from '../support/failure';
import { escapeGlob, scanAll } from '../support/storage';
import type { ReliabilityContext } from './context';

const intervals = { minute: { step: 60 } };

/** Per type: the write and read commands, and a value of another type to plant at the key. */
const CASES: readonly {
  type: SeriesType;
  write: string | undefined;
  read: string;
  intruder: Command;
}[] = [
  { type: 'series', write: 'RPUSH', read: 'LRANGE', intruder: ['SET', '', 'intruder'] },
  { type: 'set', write: 'SADD', read: 'SMEMBERS', intruder: ['SET', '', 'intruder'] },
  { type: 'histogram', write: 'HINCRBY', read: 'HGETALL', intruder: ['RPUSH', '', 'intruder'] },
  { type: 'count', write: 'INCRBYFLOAT', read: 'GET', intruder: ['RPUSH', '', 'intruder'] },
  // SET replaces a key of any type, so only a gauge's read can meet WRONGTYPE.
  { type: 'gauge', write: undefined, read: 'GET', intruder: ['RPUSH', '', 'intruder'] },
];

/**
 * docs/ARCHITECTURE.md "Errors" (a `StorageError` names the failed command, and "a failed write
 * rejects": a key overwritten by something else fails the call with the command named and
 * Redis' error as the cause; the other commands of that pipeline still ran.
 */
export function storageErrorTests(ctx: ReliabilityContext): void {
  const { expect } = ctx.api;
  const expectNamed = (error: unknown, command: string) => {
    expect(error).toBeInstanceOf(StorageError);
    const e = error as StorageError;
    expect(e.command?.[0]?.toUpperCase()).toBe(command);
    expect(e.message).toMatch(command);
    expect((e.cause as Error | undefined)?.message ?? '').toMatch(/WRONGTYPE/);
  };

  ctx.api.describe('a key of the wrong type mid-pipeline', () => {
    for (const c of CASES) {
      ctx.test(
        `${c.type}: the call rejects with StorageError naming ${c.write ?? c.read}`,
        async () => {
          const prefix = `${ctx.uniquePrefix()}:`;
          const { t } = ctx.recorded({ type: c.type, prefix, intervals, clock: () => NOW });
          const value = c.type === 'count' ? 1 : 'v';
          await t.bulkInsert([[NOW, { victim: [value], bystander: [value] }]]);
          const [victimKey] = (await scanAll(ctx.driver(), `${escapeGlob(prefix)}*`)).filter((k) =>
            k.includes('victim'),
          );
          expect(typeof victimKey).toBe('string');
          const [name, , ...rest] = c.intruder;
          await ctx.driver().exec([
            ['DEL', victimKey!],
            [name, victimKey!, ...rest],
          ]);
          const planted = await ctx.snapshot(victimKey!);

          if (c.write) {
            const error = await failureOf(() =>
              t.bulkInsert([[NOW, { bystander: [value], victim: [value] }]]),
            );
            expectNamed(error, c.write);
            // Not a transaction: the bystander's command in the same batch was applied.
            const bystander = [...(await t.get('bystander', 'minute', { timestamp: NOW }))][0]?.[1];
            const twice: Record<string, unknown> = {
              series: ['v', 'v'],
              set: new Set(['v']),
              histogram: new Map([['v', 2]]),
              count: 2,
            };
            expect(bystander).toEqual(twice[c.type]);
          }
          expectNamed(
            await failureOf(() => t.get(['bystander', 'victim'], 'minute', { timestamp: NOW })),
            c.read,
          );
          // The foreign value was neither changed nor removed by the failed calls.
          expect(await ctx.snapshot(victimKey!)).toEqual(planted);
        },
      );
    }

    ctx.test('a batch of thousands of keys still names the failed command', async () => {
      // Enough keys for several pipelined EVALs on the scripted path, or a long pipeline.
      const prefix = `${ctx.uniquePrefix()}:`;
      const { t } = ctx.recorded({ type: 'series', prefix, intervals, clock: () => NOW });
      await t.insert('victim', 'v', { timestamp: NOW });
      const [victimKey] = await scanAll(ctx.driver(), `${escapeGlob(prefix)}*`);
      await ctx.driver().exec([
        ['DEL', victimKey!],
        ['SET', victimKey!, 'intruder'],
      ]);
      const byName: Record<string, string[]> = {};
      for (let i = 0; i < 3_000; i++) byName[`n${i}`] = ['v'];
      byName.victim = ['v'];
      expectNamed(await failureOf(() => t.bulkInsert([[NOW, byName]])), 'RPUSH');
    });
  });
}
