import { conformanceSuite } from '@kairos/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redisDriver } from '../src/index';
import { clusterClient, standaloneClient, targets } from './clients';

const api = { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach };

// The whole API (issue #4) on a real redis-server and a real 3-master cluster; on the
// cluster the driver says so, and the suite expects the hash-tag key layout.
describe.runIf(targets.available)('node-redis on real Redis', () => {
  for (const [name, connect] of [
    ['standalone', standaloneClient],
    ['cluster', clusterClient],
  ] as const) {
    let client: { destroy(): unknown } | undefined;
    conformanceSuite(api, {
      name: `node-redis ${name}`,
      createDriver: async () => {
        const connected = await connect();
        client = connected;
        return redisDriver(connected);
      },
      closeDriver: () => {
        client?.destroy();
      },
    });
  }
});
