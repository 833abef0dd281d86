import { startServer, useRealRedis } from '@kairos-tools/redis-server';
import { referenceDriver } from '@kairos-tools/redis-server/reference-driver';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conformanceSuite } from '../src';

// The same suite against a real redis-server, so the mock's emulation and the suite's
// expectations are checked against Redis itself. Skipped loudly when redis-server is
// missing, and a failure then under KAIROS_REQUIRE_REDIS=1 (CI).
describe.runIf(useRealRedis('conformance on a real redis-server'))('real redis-server', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let driver: ReturnType<typeof referenceDriver> | undefined;
  conformanceSuite(
    { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach },
    {
      name: 'redis-server (reference ioredis driver)',
      async createDriver() {
        server = await startServer();
        driver = referenceDriver(server.port);
        return driver;
      },
      async closeDriver() {
        await driver?.close();
        await server?.stop();
      },
    },
  );
});
