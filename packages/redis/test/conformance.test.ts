import { conformanceSuite } from '@kairos/testing';
import { describe } from 'vitest';
import { api, driverOn, KINDS, targets } from './clients';

// The whole API (issue #4) on a real redis-server and a real 3-master cluster; on the
// cluster the driver says so, and the suite expects the hash-tag key layout.
describe.runIf(targets.available)('node-redis on real Redis', () => {
  for (const kind of KINDS) {
    conformanceSuite(api, { name: `node-redis ${kind}`, ...driverOn(kind) });
  }
});
