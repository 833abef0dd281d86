import { startServer, useRealRedis } from '@kairos-tools/redis-server';
import { referenceDriver } from '@kairos-tools/redis-server/reference-driver';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conformanceSuite } from '../src';

// The same suite against a real redis-server, so the mock's emulation and the suite's
// expectations are checked against Redis itself. Skipped loudly when redis-server is
// missing, and a failure then under KAIROS_REQUIRE_REDIS=1 (CI).
describe.runIf(useRealRedis('conformance on a real redis-server'))('real redis-server', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let client: Redis | undefined;
  conformanceSuite(
    { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach },
    {
      name: 'redis-server (reference ioredis driver)',
      async createDriver() {
        server = await startServer();
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
