import { StorageError } from '@kairos/core';
import { type RedisServer, startServer } from '@kairos-tools/redis-server';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisDriver } from '../src/index';
import { targets } from './clients';

// A server of its own: this file stops and restarts it, which the shared one must not see.
describe.runIf(targets.available)('redisDriver when Redis goes away', () => {
  let server: RedisServer;
  let client: ReturnType<typeof createClient>;
  beforeAll(async () => {
    server = await startServer();
    client = createClient({ url: server.url }); // default settings
    client.on('error', () => {}); // reconnect attempts are expected here; keep the log quiet
    await client.connect();
  });
  afterAll(async () => {
    client?.destroy();
    await server?.stop();
  });

  it('rejects within the bound while Redis is down, and works again after a restart', async () => {
    const driver = redisDriver(client, { timeoutMs: 2_000 });
    expect(await driver.exec([['SET', 'k', '1']])).toEqual(['OK']);

    await server.stop();
    const started = Date.now();
    const error = await driver.exec([['INCR', 'k']]).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(StorageError);
    expect(elapsed).toBeLessThan(10_000);

    const scanError = await (async () => {
      for await (const _ of driver.scan('*'));
    })().catch((e: unknown) => e);
    expect(scanError).toBeInstanceOf(StorageError);

    await server.restart();
    await expect
      .poll(() => driver.exec([['SET', 'k', '2']]).catch(() => null), { timeout: 15_000 })
      .toEqual(['OK']);
    expect(await driver.exec([['GET', 'k']])).toEqual(['2']);
  });

  it('rejects within 10 s with the default bound', async () => {
    const driver = redisDriver(client);
    await server.stop();
    const started = Date.now();
    await expect(driver.exec([['GET', 'k']])).rejects.toBeInstanceOf(StorageError);
    expect(Date.now() - started).toBeLessThanOrEqual(10_500);
    await server.restart();
  });
});
