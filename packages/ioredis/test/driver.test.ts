import { driverSuite } from '@kairos/testing';
import { type Cluster, Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ioredisDriver } from '../src/index';
import { clusterClient, standaloneClient, targets } from './clients';

const api = { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach };

describe.runIf(targets.available)('ioredisDriver', () => {
  let client: Redis | undefined;
  driverSuite(api, {
    name: 'ioredis standalone',
    createDriver: () => {
      client = standaloneClient();
      return ioredisDriver(client);
    },
    closeDriver: () => client?.disconnect(),
  });

  let cluster: Cluster | undefined;
  let nodes: Redis[] = [];
  driverSuite(api, {
    name: 'ioredis cluster',
    createDriver: () => {
      cluster = clusterClient();
      return ioredisDriver(cluster);
    },
    closeDriver: () => cluster?.disconnect(),
    createMasterDrivers: () => {
      nodes = targets.cluster!.map(({ host, port }) => new Redis({ host, port }));
      return nodes.map((node) => ioredisDriver(node));
    },
    closeMasterDrivers: () => {
      for (const node of nodes) node.disconnect();
    },
  });
});
