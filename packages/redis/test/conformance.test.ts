import { conformanceSuite } from '@kairos/test-suite';
import { describe } from 'vitest';
import { api, driverOn, SETUPS, targets } from './clients';

// The whole API (issue #4) on a real redis-server and a real 3-master cluster, by both write
// paths; on the cluster the driver says so, and the suite expects the hash-tag key layout.
describe.runIf(targets.available)('node-redis on real Redis', () => {
  for (const { kind, scripts, label } of SETUPS) {
    conformanceSuite(api, { name: label, ...driverOn(kind, { scripts }) });
  }
});
