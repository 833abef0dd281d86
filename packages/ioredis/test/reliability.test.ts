import { reliabilitySuite } from '@kairos/test-suite';
import { describe } from 'vitest';
import { api, driverOn, SETUPS, targets } from './clients';

// fast-check runs per setup: 400 runs take about 10 s on a standalone server; the cluster
// and the scripted write path run half as many.
const numRuns = Number(process.env.KAIROS_FC_RUNS ?? 400);
const seed = process.env.KAIROS_FC_SEED ? { seed: Number(process.env.KAIROS_FC_SEED) } : {};

describe.runIf(targets.available)('ioredis on real Redis', () => {
  for (const { kind, scripts, label } of SETUPS) {
    reliabilitySuite(api, {
      name: label,
      ...driverOn(kind, { scripts }),
      numRuns: kind === 'cluster' || scripts ? Math.ceil(numRuns / 2) : numRuns,
      ...seed,
    });
  }
});
