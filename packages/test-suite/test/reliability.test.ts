import { mockDriver } from '@kairos/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reliabilitySuite } from '../src';

reliabilitySuite(
  { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach },
  {
    name: 'mock driver',
    createDriver: () => mockDriver(),
    closeDriver: (driver) => driver.close(),
    numRuns: Number(process.env.KAIROS_FC_RUNS ?? 500),
    ...(process.env.KAIROS_FC_SEED ? { seed: Number(process.env.KAIROS_FC_SEED) } : {}),
  },
);
