import { driverSuite } from '@kairos/test-suite';
import { Redis } from 'ioredis';
import { describe } from 'vitest';
import { ioredisDriver } from '../src/index';
import { api, driverOn, targets } from './clients';

describe.runIf(targets.available)('ioredisDriver', () => {
  driverSuite(api, { name: 'ioredis standalone', ...driverOn('standalone') });

  // Each master by itself, to check where the cluster driver put keys.
  let nodes: Redis[] = [];
  driverSuite(api, {
    name: 'ioredis cluster',
    ...driverOn('cluster'),
    createMasterDrivers: () => {
      nodes = targets.cluster!.map(({ host, port }) => new Redis({ host, port }));
      return nodes.map((node) => ioredisDriver(node));
    },
    closeMasterDrivers: () => {
      for (const node of nodes) node.disconnect();
    },
  });
});
