import { type Command, type Driver, StorageError, Timeseries } from '@kairos/core';
import { NOW } from '../conformance/model';
import { eventually, type FaultContext, succeeds } from './context';

/** Kills per write path: enough to catch an event that happens once in 30 kills. */
export const KILLS = 100;
/** Values per killed bulk insert: 20 names × 300, two chunks, a few milliseconds of work. */
const NAMES = 20;
const VALUES = 300;
const STEP = 60;
const intervals = { minute: { step: STEP, steps: 60 } };
/** The write paths: the adapter's default (scripts) and plain commands. */
const PATHS = [
  { label: 'scripted (default)', scripts: undefined },
  { label: 'plain commands', scripts: false },
] as const;

/** Resolves after `ms` milliseconds. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every key a call of round `round` writes: one per name, in the minute of NOW. */
function keysOf(prefix: string, round: number): string[] {
  return Array.from({ length: NAMES }, (_, n) => `${prefix}r${round}n${n}:minute:${NOW / STEP}`);
}

/**
 * The round's entries: each name gets VALUES values over three entries, distinct strings
 * for a series, ones for a count (so a name's total is VALUES).
 */
function entries(
  round: number,
  type: 'series' | 'count' = 'series',
): [number, Record<string, (string | number)[]>][] {
  const out: [number, Record<string, (string | number)[]>][] = [];
  for (let part = 0; part < 3; part++) {
    const byName: Record<string, (string | number)[]> = {};
    for (let n = 0; n < NAMES; n++)
      byName[`r${round}n${n}`] = Array.from({ length: VALUES / 3 }, (_, k) =>
        type === 'count' ? 1 : `v${part * (VALUES / 3) + k}`,
      );
    out.push([NOW + part, byName]);
  }
  return out;
}

/**
 * Exactly-once writes through connection drops, pauses and restarts, on the suite's own
 * server: the kill loop, a pause, a restart mid-write, a foreign key left untouched by a
 * failed write, and a rejection that waits for its whole pipeline.
 */
export function exactlyOnceTests(ctx: FaultContext, admin: () => Driver): void {
  const { expect } = ctx.api;
  /** Kills every client connection but the admin's, as an operator's CLIENT KILL would. */
  const kill = () =>
    admin()
      .exec([['CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes']])
      .catch(() => undefined);
  /** Waits until the client is connected again (its resends, if any, were sent before). */
  const reconnected = (driver: Driver) =>
    eventually(() => succeeds(() => driver.exec([['PING']])), 15_000, 10);

  for (const path of PATHS) {
    ctx.api.it(
      `${path.label}: ${KILLS} CLIENT KILLs during bulk inserts of a series and a count never apply a value twice; a call that resolved wrote everything`,
      async () => {
        const driver = ctx.driver(path.scripts === undefined ? {} : { scripts: path.scripts });
        const tag = path.scripts === false ? 'plain' : 'eval';
        const series = new Timeseries(driver, {
          type: 'series',
          prefix: `once:series:${tag}:`,
          intervals,
          clock: () => NOW,
        });
        const count = new Timeseries(driver, {
          type: 'count',
          prefix: `once:count:${tag}:`,
          intervals,
          clock: () => NOW,
        });
        const outcomes = { resolved: 0, rejected: 0 };
        const settle = (call: Promise<void>) =>
          call.then(
            () => true,
            (error: unknown) => {
              expect(error).toBeInstanceOf(StorageError);
              expect(String((error as Error).message)).toMatch(/may or may not have run/);
              return false;
            },
          );
        for (let round = 0; round < KILLS; round++) {
          await reconnected(driver);
          const calls = [
            settle(series.bulkInsert(entries(round, 'series'))),
            settle(count.bulkInsert(entries(round, 'count'))),
          ];
          // Delays from 0 to 12 ms: before, during and after the calls' pipelines.
          await sleep(round % 13);
          await kill();
          const [seriesDone, countDone] = await Promise.all(calls);
          for (const done of [seriesDone, countDone]) outcomes[done ? 'resolved' : 'rejected']++;
          await reconnected(driver);
          const lists = await admin().exec(
            keysOf(`once:series:${tag}:`, round).map((key): Command => ['LRANGE', key, 0, -1]),
          );
          for (const list of lists) {
            const values = (list as string[]).map(String);
            // Never twice: every value at most once.
            expect(new Set(values).size).toBe(values.length);
            if (seriesDone) expect(values.length).toBe(VALUES);
            else expect(values.length).toBeLessThanOrEqual(VALUES);
          }
          const totals = await admin().exec(
            keysOf(`once:count:${tag}:`, round).map((key): Command => ['GET', key]),
          );
          for (const total of totals) {
            if (countDone) expect(Number(total)).toBe(VALUES);
            else expect(Number(total ?? 0)).toBeLessThanOrEqual(VALUES);
          }
        }
        expect(outcomes.resolved + outcomes.rejected).toBe(2 * KILLS);
        // The kills really landed while calls were in flight.
        expect(outcomes.rejected).toBeGreaterThanOrEqual(1);
      },
      120_000,
    );
  }

  ctx.api.it(
    'CLIENT PAUSE: a bulk insert waits for the pause and then lands once',
    async () => {
      const driver = ctx.driver();
      await reconnected(driver);
      const t = new Timeseries(driver, {
        type: 'series',
        prefix: 'pause:',
        intervals,
        clock: () => NOW,
      });
      await admin().exec([['CLIENT', 'PAUSE', 400, 'WRITE']]);
      const started = Date.now();
      await t.bulkInsert(entries(0));
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      const replies = await admin().exec(keysOf('pause:', 0).map((key) => ['LLEN', key]));
      expect(replies).toEqual(keysOf('pause:', 0).map(() => VALUES));
    },
    30_000,
  );

  ctx.api.it(
    'CLIENT PAUSE past the deadline: the call rejects, and its write lands once when the pause ends',
    async () => {
      const driver = ctx.driver({ timeoutMs: 300 });
      await reconnected(driver);
      const t = new Timeseries(driver, {
        type: 'count',
        prefix: 'pause-long:',
        intervals,
        clock: () => NOW,
      });
      await admin().exec([['CLIENT', 'PAUSE', 1_000, 'WRITE']]);
      const error = await t.bulkInsert(entries(0, 'count')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      await sleep(1_200);
      await reconnected(driver);
      const keys = keysOf('pause-long:', 0);
      const totals = await admin().exec(keys.map((key) => ['GET', key]));
      expect(totals.map(Number)).toEqual(keys.map(() => VALUES));
    },
    30_000,
  );

  ctx.api.it(
    'a restart mid-write rejects at once (connection lost, not at the 10 s deadline), and the series works again',
    async () => {
      const driver = ctx.driver();
      await reconnected(driver);
      let restarted: Promise<void> | undefined;
      let started = 0;
      let sends = 0;
      // Restart the server while the call's second pipeline is on the wire.
      const t = new Timeseries(
        {
          ...driver,
          exec: (commands) => {
            const reply = driver.exec(commands);
            if (++sends === 2) {
              started = Date.now();
              restarted = ctx.server().restart();
            }
            return reply;
          },
        },
        { type: 'count', prefix: 'restart:', intervals, clock: () => NOW },
      );
      const big = Array.from({ length: 40 }, (_, round) => entries(round, 'count')).flat();
      const call = t.bulkInsert(big).catch((e: unknown) => e);
      try {
        const error = await call;
        // A graceful shutdown may answer the pipeline in flight first; then the call goes on.
        if (error !== undefined) {
          expect(error).toBeInstanceOf(StorageError);
          expect(String((error as Error).message)).toMatch(/connection was lost/);
          expect(Date.now() - started).toBeLessThan(3_000);
        }
      } finally {
        await restarted;
      }
      await reconnected(driver);
      await t.bulkInsert(entries(0, 'count'));
      const totals = await admin().exec(keysOf('restart:', 0).map((key) => ['GET', key]));
      expect(totals.map(Number)).toEqual(keysOf('restart:', 0).map(() => VALUES));
    },
    30_000,
  );

  for (const path of PATHS) {
    ctx.api.it(
      `${path.label}: a failed write gives a foreign key no TTL and leaves its value`,
      async () => {
        const driver = ctx.driver(path.scripts === undefined ? {} : { scripts: path.scripts });
        await reconnected(driver);
        const prefix = `foreign${path.scripts === false ? 'plain' : 'eval'}`;
        const t = new Timeseries(driver, { type: 'series', prefix, intervals, clock: () => NOW });
        const foreign = `${prefix}:n0:minute:${NOW / STEP}`;
        await admin().exec([['SET', foreign, 'foreign']]);
        const error = await t.insert('n0', 'v', { timestamp: NOW }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StorageError);
        expect(String((error as StorageError).cause)).toMatch(/WRONGTYPE/);
        expect(
          await admin().exec([
            ['TTL', foreign],
            ['GET', foreign],
          ]),
        ).toEqual([-1, 'foreign']);
        // The other names of the same call still get their TTL.
        await t.bulkInsert([[NOW, { n0: ['x'], n1: ['y'] }]]).catch(() => undefined);
        const [ttl] = await admin().exec([['TTL', `${prefix}:n1:minute:${NOW / STEP}`]]);
        expect(Number(ttl)).toBeGreaterThanOrEqual(1);
        expect(await admin().exec([['TTL', foreign]])).toEqual([-1]);
      },
    );
  }

  ctx.api.it('a failed pipeline rejects only once every command of it has answered', async () => {
    const driver = ctx.driver();
    await reconnected(driver);
    await admin().exec([['RPUSH', 'early:foreign', 'x']]);
    const keys = Array.from({ length: 2_000 }, (_, i) => `early:k${i}`);
    const commands: Command[] = [
      ['INCRBYFLOAT', 'early:foreign', 1],
      ...keys.map((key): Command => ['SET', key, 'v']),
    ];
    const error = await driver.exec(commands).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    // Read at once on another connection: every later command has already run.
    const [present] = await admin().exec([['EXISTS', ...keys]]);
    expect(present).toBe(keys.length);
  });

  ctx.api.it(
    'a scripted write leaves one marker per EVAL, kept at most 120 s, removed by delete()',
    async () => {
      const driver = ctx.driver();
      await reconnected(driver);
      const t = new Timeseries(driver, {
        type: 'count',
        prefix: 'marker',
        intervals,
        clock: () => NOW,
      });
      await t.insert('m', 1, { timestamp: NOW });
      const keysOfName = async () => {
        const keys: string[] = [];
        for await (const key of admin().scan('marker:m:*')) keys.push(key);
        return keys.sort();
      };
      const bucket = `marker:m:minute:${NOW / STEP}`;
      const [data, marker] = await keysOfName();
      expect(data).toBe(bucket);
      expect(String(marker)).toMatch(new RegExp(`^${bucket}:~[0-9a-z]+\\.[0-9a-z]+$`));
      const [ttl, value] = await admin().exec([
        ['TTL', marker!],
        ['GET', marker!],
      ]);
      expect(Number(ttl)).toBeGreaterThanOrEqual(1);
      expect(Number(ttl)).toBeLessThanOrEqual(120);
      expect(value).toBe('ok');
      // The marker is bookkeeping: delete() counts the bucket alone and leaves nothing.
      expect(await t.delete('m')).toBe(1);
      expect(await keysOfName()).toEqual([]);
    },
  );
}
