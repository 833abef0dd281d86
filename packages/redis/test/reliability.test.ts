import { reliabilitySuite } from '@kairos/testing';
import { describe } from 'vitest';
import { api, driverOn, KINDS, targets } from './clients';

// fast-check runs per driver: 400 runs take about 10 s on a standalone server; the cluster runs half as many.
const numRuns = Number(process.env.KAIROS_FC_RUNS ?? 400);
const seed = process.env.KAIROS_FC_SEED ? { seed: Number(process.env.KAIROS_FC_SEED) } : {};

describe.runIf(targets.available)('node-redis on real Redis', () => {
  for (const kind of KINDS) {
    reliabilitySuite(api, {
      name: `node-redis ${kind}`,
      ...driverOn(kind),
      numRuns: kind === 'cluster' ? Math.ceil(numRuns / 2) : numRuns,
      ...seed,
    });
  }
});
