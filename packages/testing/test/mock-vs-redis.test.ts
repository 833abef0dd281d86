import type { Command, Driver, StorageError } from '@kairos/core';
import { startServer, useRealRedis } from '@kairos-tools/redis-server';
import { referenceDriver } from '@kairos-tools/redis-server/reference-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockDriver } from '../src';
import { FAILURE_CASES } from './support/redis-cases';

// The mock's emulation checked against Redis itself: the same batches, the same replies and
// the same error texts. Skipped loudly when redis-server is missing (a failure in CI).
describe.runIf(useRealRedis('mockDriver against redis-server'))(
  'mockDriver agrees with redis-server',
  () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let real: Driver & { close(): Promise<void> };
    beforeAll(async () => {
      server = await startServer();
      real = referenceDriver(server.port);
    });
    afterAll(async () => {
      await real.close();
      await server.stop();
    });

    const outcome = async (driver: Driver, commands: Command[]) => {
      try {
        return { replies: await driver.exec(commands) };
      } catch (error) {
        const e = error as StorageError;
        return { failed: e.command, cause: (e.cause as Error).message };
      }
    };

    it.each(FAILURE_CASES)('%s', async (_label, commands) => {
      const mock = mockDriver();
      await real.exec([['FLUSHALL']]);
      const expected = await outcome(real, commands);
      expect(await outcome(mock, commands)).toEqual(expected);
      await mock.close();
    });

    it('replies to the commands Kairos sends', async () => {
      const batch: Command[] = [
        ['RPUSH', 'l', 'a', 2, ''],
        ['LRANGE', 'l', 0, -1],
        ['LRANGE', 'l', 1, 1],
        ['SADD', 's', 'x', 'x'],
        ['SMEMBERS', 's'],
        ['HINCRBY', 'h', 'f', 3],
        ['HINCRBY', 'h', 'f', -5],
        ['HGETALL', 'h'],
        ['HGETALL', 'none'],
        ['INCRBY', 'c', -7],
        ['INCRBYFLOAT', 'c', '2.5'],
        ['INCRBYFLOAT', 'c', 4.5],
        ['INCRBY', 'n', 3],
        ['INCR', 'n'],
        ['SET', 'g', ''],
        ['GET', 'g'],
        ['GET', 'none'],
        ['EXPIRE', 'g', 30],
        ['EXPIRE', 'none', 30],
        ['TTL', 'g'],
        ['TTL', 'l'],
        ['TTL', 'none'],
        ['DEL', 'l', 'none'],
        ['UNLINK', 's'],
        ['EXPIRE', 'h', 0],
        ['HGETALL', 'h'],
      ];
      const mock = mockDriver();
      await real.exec([['FLUSHALL']]);
      expect(await mock.exec(batch)).toEqual(await real.exec(batch));
      await mock.close();
    });
  },
);
