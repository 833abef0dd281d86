import { driverSuite } from '@kairos/testing';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redisDriver } from '../src/index';
import { clusterClient, standaloneClient, targets } from './clients';

const api = { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach };

function connectNode({ host, port }: { host: string; port: number }) {
  const node = createClient({ url: `redis://${host}:${port}` });
  node.on('error', () => {});
  return node.connect();
}

describe.runIf(targets.available)('redisDriver', () => {
  let client: { destroy(): unknown } | undefined;
  driverSuite(api, {
    name: 'node-redis standalone',
    createDriver: async () => {
      const connected = await standaloneClient();
      client = connected;
      return redisDriver(connected);
    },
    closeDriver: () => {
      client?.destroy();
    },
  });

  let cluster: { destroy(): unknown } | undefined;
  let nodes: { destroy(): unknown }[] = [];
  driverSuite(api, {
    name: 'node-redis cluster',
    createDriver: async () => {
      const connected = await clusterClient();
      cluster = connected;
      return redisDriver(connected);
    },
    closeDriver: () => {
      cluster?.destroy();
    },
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
