import { mockDriver } from '@kairos/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conformanceSuite } from '../src';

// The mock presented as a cluster driver: Kairos then forces the hash-tag layout, and the
// suite's expected keys must follow. Checks the suite itself before real clusters run it.
conformanceSuite(
  { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach },
  {
    name: 'mock as a cluster driver',
    createDriver: () => {
      const { exec, scan, close } = mockDriver();
      return { cluster: true, exec, scan, close };
    },
    closeDriver: (driver) => driver.close(),
  },
);
