import { mockDriver } from '@kairos/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adapterSuites } from '../src';

// Every suite through the one entry point, on the mock: the driver contract and the suites'
// own expectations checked here before the adapters run them on real servers. The fault
// suite needs a real server it can stop, so it is left out (the adapters run it).
adapterSuites(
  { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach },
  {
    name: 'mock',
    createDriver: () => mockDriver(),
    closeDriver: (driver) => driver.close(),
    numRuns: Number(process.env.KAIROS_FC_RUNS ?? 500),
    ...(process.env.KAIROS_FC_SEED ? { seed: Number(process.env.KAIROS_FC_SEED) } : {}),
  },
);
