import { StorageError, Timeseries } from '@kairos/core';
import { type RedisServer, startServer } from '@kairos-tools/redis-server';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ioredisDriver } from '../src/index';
import { targets } from './clients';

/** The driver's bound in these tests; the default (10 s) is tested on its own. */
const BOUND_MS = 2_000;
/** What a rejection may take beyond the bound: timers and the event loop, not a retry. */
const SLACK_MS = 1_500;
const NOW = Date.UTC(2025, 2, 12) / 1000;
const intervals = { minute: { step: 60 }, hour: { step: '1h', resolution: 60 } };

/** 300,000 values over 3,000 names: 30 pipelines of 10,000 values each. */
function* bigBatch(): Generator<[number, Record<string, string[]>]> {
  for (let i = 0; i < 3_000; i++)
    yield [NOW + (i % 600), { [`n${i}`]: Array.from({ length: 100 }, (_, k) => `v${k}`) }];
}

// A server of its own: these tests stop and restart it, which the shared one must not see.
describe.runIf(targets.available)('ioredis: a Timeseries when Redis dies and comes back', () => {
  let server: RedisServer;
  let client: Redis;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const prefix = 'faults:';

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    server = await startServer();
    client = new Redis({ host: server.host, port: server.port }); // default settings
    client.on('error', () => {}); // reconnect attempts are expected; failures reach the calls
  });
  afterAll(async () => {
    client?.disconnect();
    await server?.stop();
    // Late replies and timers have had the whole file to surface.
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('a bulkInsert in flight when the server dies rejects with a StorageError (cause attached) within the bound; the same Timeseries works after restart', async () => {
    const inner = ioredisDriver(client, { timeoutMs: BOUND_MS });
    let pipelines = 0;
    let stopped: Promise<void> | undefined;
    let stoppedAt = 0;
    const t = new Timeseries(
      {
        cluster: false,
        scan: (match) => inner.scan(match),
        exec: (commands) => {
          const reply = inner.exec(commands);
          // Kill the server while the third pipeline is on the wire.
          if (++pipelines === 3) {
            stoppedAt = Date.now();
            stopped = server.stop();
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
      expect((failure as StorageError).cause).toBeDefined();
      expect(Date.now() - started).toBeLessThanOrEqual(BOUND_MS + SLACK_MS);
    }

    await server.restart();
    // The client reconnects by itself; the same Timeseries, not a new one, must work again.
    await expect
      .poll(
        () =>
          t.insert('after', 'back', { timestamp: NOW }).then(
            () => true,
            () => false,
          ),
        {
          timeout: 15_000,
          interval: 200,
        },
      )
      .toBe(true);
    expect([...(await t.get('after', 'minute', { timestamp: NOW }))][0]?.[1]).toContain('back');
    expect(await t.properties('after')).toEqual({
      minute: { first: NOW, last: NOW },
      hour: { first: NOW, last: NOW },
    });
  }, 60_000);

  it('a call made while Redis is down rejects within 10 s with the default settings', async () => {
    const t = new Timeseries(ioredisDriver(client), {
      type: 'count',
      prefix,
      intervals,
      clock: () => NOW,
    });
    await expect
      .poll(
        () =>
          t.insert('ready').then(
            () => true,
            () => false,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    await server.stop();
    try {
      const started = Date.now();
      const error = await t.insert('down').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      expect(Date.now() - started).toBeLessThanOrEqual(10_000 + SLACK_MS);
    } finally {
      await server.restart();
    }
    await expect
      .poll(
        () =>
          t.insert('up').then(
            () => true,
            () => false,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
  }, 60_000);

  it('WRONGTYPE mid-pipeline rejects with a StorageError naming the command; the rest of the pipeline ran', async () => {
    const t = new Timeseries(ioredisDriver(client, { timeoutMs: BOUND_MS }), {
      type: 'count',
      prefix: 'wrongtype:',
      intervals: { minute: { step: 60 } },
      clock: () => NOW,
    });
    const victim = `wrongtype:victim:minute:${NOW / 60}`;
    await client.rpush(victim, 'not a number');
    const error = await t
      .bulkInsert([[NOW, { before: [1], victim: [1], after: [1] }]])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).command?.slice(0, 2)).toEqual(['INCRBYFLOAT', victim]);
    expect((error as Error).message).toContain(`INCRBYFLOAT ${victim}`);
    expect(String((error as StorageError).cause)).toMatch(/WRONGTYPE/);
    expect(await client.lrange(victim, 0, -1)).toEqual(['not a number']);
    expect(await client.get(`wrongtype:before:minute:${NOW / 60}`)).toBe('1');
    expect(await client.get(`wrongtype:after:minute:${NOW / 60}`)).toBe('1');
  });
});
