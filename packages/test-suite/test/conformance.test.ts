import { mockDriver } from '@kairos/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conformanceSuite } from '../src';

conformanceSuite(
  { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach },
  { name: 'mock', createDriver: mockDriver, closeDriver: (driver) => driver.close() },
);
