import { driverSuite } from '@kairos/test-suite';
import { createClient } from 'redis';
import { describe } from 'vitest';
import { redisDriver } from '../src/index';
import { api, driverOn, targets } from './clients';

function connectNode({ host, port }: { host: string; port: number }) {
  const node = createClient({ url: `redis://${host}:${port}` });
  node.on('error', () => {});
  return node.connect();
}

describe.runIf(targets.available)('redisDriver', () => {
  driverSuite(api, { name: 'node-redis standalone', ...driverOn('standalone') });

  // Each master by itself, to check where the cluster driver put keys.
  let nodes: { destroy(): unknown }[] = [];
  driverSuite(api, {
    name: 'node-redis cluster',
    ...driverOn('cluster'),
    createMasterDrivers: async () => {
      const connected = await Promise.all(targets.cluster!.map(connectNode));
      nodes = connected;
      return connected.map((node) => redisDriver(node));
    },
    closeMasterDrivers: () => {
      for (const node of nodes) node.destroy();
    },
  });
});
