import { StorageError, Timeseries } from '@kairos/core';
import { NOW } from '../conformance/model';
import { failureOf } from '../support/failure';
import {
  BOUND_MS,
  DEFAULT_BOUND_MS,
  eventually,
  type FaultContext,
  SLACK_MS,
  succeeds,
} from './context';

const intervals = { minute: { step: 60 }, hour: { step: '1h', resolution: 60 } };
const prefix = 'faults:';

/** 300,000 values over 3,000 names: 30 pipelines of 10,000 values each. */
function* bigBatch(): Generator<[number, Record<string, string[]>]> {
  for (let i = 0; i < 3_000; i++)
    yield [NOW + (i % 600), { [`n${i}`]: Array.from({ length: 100 }, (_, k) => `v${k}`) }];
}

/** A Timeseries when Redis dies mid-write and comes back, and a failure mid-pipeline. */
export function timeseriesFaultTests(ctx: FaultContext): void {
  const { expect } = ctx.api;

  ctx.api.it(
    'a bulkInsert in flight when the server dies rejects with a StorageError (cause attached) within the bound; the same Timeseries works after restart',
    async () => {
      const inner = ctx.driver({ timeoutMs: BOUND_MS });
      let pipelines = 0;
      let stopped: Promise<void> | undefined;
      let stoppedAt = 0;
      const t = new Timeseries(
        {
          ...inner, // keeps the adapter's default write path (scripts)
          exec: (commands) => {
            const reply = inner.exec(commands);
            // Kill the server while the third pipeline is on the wire.
            if (++pipelines === 3) {
              stoppedAt = Date.now();
              stopped = ctx.server().stop();
            }
            return reply;
          },
        },
        { type: 'series', prefix, intervals, clock: () => NOW },
      );

      const error = await t.bulkInsert(bigBatch()).catch((e: unknown) => e);
      const elapsed = Date.now() - stoppedAt;
      await stopped;
      expect(pipelines).toBeGreaterThanOrEqual(3);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).cause).toBeInstanceOf(Error);
      expect(elapsed).toBeLessThanOrEqual(BOUND_MS + SLACK_MS);
      // The stream stopped at the failed chunk: nothing after it was planned or sent.
      expect(pipelines).toBeLessThan(30);

      // While it is down every kind of call fails the same way, within the bound.
      for (const call of [
        () => t.insert('late', 'v', { timestamp: NOW }),
        () => t.get('n1', 'minute', { timestamp: NOW }),
        () => t.series('n1', 'hour', { start: NOW, end: NOW + 3600 }),
        () => t.list(),
        () => t.properties('n1'),
        () => t.delete('n1'),
      ]) {
        const started = Date.now();
        const failure = await call().catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(StorageError);
        expect((failure as StorageError).cause !== undefined).toBe(true);
        expect(Date.now() - started).toBeLessThanOrEqual(BOUND_MS + SLACK_MS);
      }

      await ctx.server().restart();
      // The client reconnects by itself; the same Timeseries, not a new one, must work again.
      await eventually(
        () => succeeds(() => t.insert('after', 'back', { timestamp: NOW })),
        15_000,
        200,
      );
      expect([...(await t.get('after', 'minute', { timestamp: NOW }))][0]?.[1]).toContain('back');
      expect(await t.properties('after')).toEqual({
        minute: { first: NOW, last: NOW },
        hour: { first: NOW, last: NOW },
      });
    },
    60_000,
  );

  ctx.api.it(
    'a call made while Redis is down rejects within 10 s with the default settings',
    async () => {
      const t = new Timeseries(ctx.driver(), {
        type: 'count',
        prefix,
        intervals,
        clock: () => NOW,
      });
      await eventually(() => succeeds(() => t.insert('ready')));
      await ctx.server().stop();
      try {
        const started = Date.now();
        const error = await t.insert('down').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StorageError);
        expect(Date.now() - started).toBeLessThanOrEqual(DEFAULT_BOUND_MS + SLACK_MS);
      } finally {
        await ctx.server().restart();
      }
      await eventually(() => succeeds(() => t.insert('up')));
    },
    60_000,
  );

  ctx.api.it(
    'WRONGTYPE mid-pipeline rejects with a StorageError naming the command; the rest of the pipeline ran',
    async () => {
      const raw = ctx.driver({ timeoutMs: BOUND_MS });
      const t = new Timeseries(raw, {
        type: 'count',
        prefix: 'wrongtype:',
        intervals: { minute: { step: 60 } },
        clock: () => NOW,
      });
      const victim = `wrongtype:victim:minute:${NOW / 60}`;
      await raw.exec([['RPUSH', victim, 'not a number']]);
      const error = await t
        .bulkInsert([[NOW, { before: [1], victim: [1], after: [1] }]])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect((error as StorageError).command?.slice(0, 2)).toEqual(['INCRBYFLOAT', victim]);
      expect((error as Error).message).toContain(`INCRBYFLOAT ${victim}`);
      expect(String((error as StorageError).cause)).toMatch(/WRONGTYPE/);
      expect(
        await raw.exec([
          ['LRANGE', victim, 0, -1],
          ['GET', `wrongtype:before:minute:${NOW / 60}`],
          ['GET', `wrongtype:after:minute:${NOW / 60}`],
        ]),
      ).toEqual([['not a number'], '1', '1']);
    },
  );

  ctx.api.it(
    'a server that refuses EVAL gets plain commands, and every value is written',
    async () => {
      const raw = ctx.driver({ timeoutMs: BOUND_MS });
      await eventually(() => succeeds(() => raw.exec([['PING']])));
      // An ACL without scripting on the connected user, as some managed services set up.
      await raw.exec([['ACL', 'SETUSER', 'default', '-eval', '-evalsha']]);
      try {
        const refused = await failureOf(() => raw.exec([['EVAL', 'return 1', 0]]));
        expect(String((refused as StorageError).cause)).toMatch(/NOPERM/);
        // The adapter's default options: scripted writes.
        const t = new Timeseries(ctx.driver(), {
          type: 'count',
          prefix: 'noeval:',
          intervals: { minute: { step: 60 } },
          clock: () => NOW,
        });
        await t.insert('a', 2, { timestamp: NOW });
        await t.bulkInsert([[NOW + 1, { a: [3, 4] }]]);
        expect(await t.get('a', 'minute', { timestamp: NOW })).toEqual(new Map([[NOW, 9]]));
      } finally {
        await raw.exec([['ACL', 'SETUSER', 'default', '+eval', '+evalsha']]);
      }
    },
  );

  ctx.api.it(
    'after SCRIPT FLUSH every value is still written (each pipeline loads the script before naming it by SHA1)',
    async () => {
      const inner = ctx.driver({ timeoutMs: BOUND_MS });
      await eventually(() => succeeds(() => inner.exec([['PING']])));
      const sent: string[] = [];
      const t = new Timeseries(
        {
          ...inner, // keeps the adapter's default write path (scripts)
          exec: (commands) => {
            for (const command of commands) sent.push(command[0]);
            return inner.exec(commands);
          },
        },
        { type: 'series', prefix: 'flush:', intervals: { minute: { step: 60 } }, clock: () => NOW },
      );
      // 100 minutes of 60 values: more arguments than one script takes, so several per chunk.
      const minutes = (round: number) =>
        Array.from({ length: 6_000 }, (_, i): [number, Record<string, string[]>] => [
          NOW + i,
          { a: [`${round}:${i}`] },
        ]);
      await t.bulkInsert(minutes(1));
      expect(sent).toContain('EVALSHA');
      await inner.exec([['SCRIPT', 'FLUSH']]);
      await t.bulkInsert(minutes(2));
      const keys = Array.from({ length: 100 }, (_, m) => `flush:a:minute:${NOW / 60 + m}`);
      const lists = (await inner.exec(keys.map((key) => ['LRANGE', key, 0, -1]))) as string[][];
      expect(lists.flat().length).toBe(12_000);
      expect(lists[0]).toEqual([
        ...Array.from({ length: 60 }, (_, i) => `1:${i}`),
        ...Array.from({ length: 60 }, (_, i) => `2:${i}`),
      ]);
    },
  );

  ctx.api.it(
    'a key the ACL refuses: the failure names the command and the key, on the scripted path too',
    async () => {
      const raw = ctx.driver({ timeoutMs: BOUND_MS });
      await eventually(() => succeeds(() => raw.exec([['PING']])));
      const t = new Timeseries(ctx.driver(), {
        type: 'series',
        prefix: 'acl',
        intervals: { minute: { step: 60 } },
        clock: () => NOW,
      });
      // Only the keys of the name "ok" are allowed to the connected user.
      await raw.exec([['ACL', 'SETUSER', 'default', 'resetkeys', '~acl:ok:*']]);
      try {
        await t.insert('ok', 'v', { timestamp: NOW });
        const error = await failureOf(() => t.insert('no', 'v', { timestamp: NOW }));
        expect(error).toBeInstanceOf(StorageError);
        expect(String((error as StorageError).cause)).toMatch(/NOPERM/);
        expect((error as StorageError).command?.slice(0, 2)).toEqual([
          'RPUSH',
          `acl:no:minute:${NOW / 60}`,
        ]);
      } finally {
        await raw.exec([['ACL', 'SETUSER', 'default', 'allkeys']]);
      }
      expect(await t.get('ok', 'minute', { timestamp: NOW })).toEqual(new Map([[NOW, ['v']]]));
    },
  );
}
