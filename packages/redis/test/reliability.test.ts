import { reliabilitySuite } from '@kairos/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redisDriver } from '../src/index';
import { clusterClient, standaloneClient, targets } from './clients';

const api = { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach };
// fast-check runs per driver: 400 runs take about 10 s on a standalone server; the cluster runs half as many.
const numRuns = Number(process.env.KAIROS_FC_RUNS ?? 400);
const seed = process.env.KAIROS_FC_SEED ? { seed: Number(process.env.KAIROS_FC_SEED) } : {};

describe.runIf(targets.available)('node-redis on real Redis', () => {
  let client: { destroy(): unknown } | undefined;
  reliabilitySuite(api, {
    name: 'node-redis standalone',
    createDriver: async () => {
      const connected = await standaloneClient();
      client = connected;
      return redisDriver(connected);
    },
    closeDriver: () => {
      client?.destroy();
    },
    numRuns,
    ...seed,
  });

  let cluster: { destroy(): unknown } | undefined;
  reliabilitySuite(api, {
    name: 'node-redis cluster',
    createDriver: async () => {
      const connected = await clusterClient();
      cluster = connected;
      return redisDriver(connected);
    },
    closeDriver: () => {
      cluster?.destroy();
    },
    numRuns: Math.ceil(numRuns / 2),
    ...seed,
  });
});
