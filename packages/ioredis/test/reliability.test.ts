import { reliabilitySuite } from '@kairos/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ioredisDriver } from '../src/index';
import { clusterClient, standaloneClient, targets } from './clients';

const api = { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach };
// fast-check runs per driver: 400 runs take about 10 s on a standalone server; the cluster runs half as many.
const numRuns = Number(process.env.KAIROS_FC_RUNS ?? 400);
const seed = process.env.KAIROS_FC_SEED ? { seed: Number(process.env.KAIROS_FC_SEED) } : {};

describe.runIf(targets.available)('ioredis on real Redis', () => {
  for (const [name, connect] of [
    ['standalone', standaloneClient],
    ['cluster', clusterClient],
  ] as const) {
    let client: ReturnType<typeof connect> | undefined;
    reliabilitySuite(api, {
      name: `ioredis ${name}`,
      createDriver: () => {
        client = connect();
        return ioredisDriver(client);
      },
      closeDriver: () => client?.disconnect(),
      numRuns: name === 'cluster' ? Math.ceil(numRuns / 2) : numRuns,
      ...seed,
    });
  }
});
