import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conformanceSuite } from '../src';
import { referenceDriver } from './support/ioredis-driver';
import { hasRedisServer, startRedis } from './support/redis-server';

// The same suite against a real redis-server, so the mock's emulation and the suite's
// expectations are checked against Redis itself. Skipped when redis-server is missing.
const available = hasRedisServer();
if (!available)
  console.warn('redis-server not found on PATH: the real-Redis conformance run is skipped');

describe.runIf(available)('real redis-server', () => {
  let server: Awaited<ReturnType<typeof startRedis>> | undefined;
  let client: Redis | undefined;
  conformanceSuite(
    { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach },
    {
      name: 'redis-server (reference ioredis driver)',
      async createDriver() {
        server = await startRedis();
        client = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: false });
        return referenceDriver(client);
      },
      async closeDriver() {
        await client?.quit();
        await server?.stop();
      },
    },
  );
});
