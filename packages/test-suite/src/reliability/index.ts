import type { Driver } from '@kairos/core';
import type { TestApi } from '../conformance/api';
import { badInputTests } from './bad-input';
import { createReliabilityContext } from './context';
import { isolationTests } from './isolation';
import { labelPropertyTests } from './label-properties';
import { propertyTests } from './properties';
import { roundTripTests } from './round-trip';
import { storageErrorTests } from './storage-errors';

/** Options of {@link reliabilitySuite}. */
export interface ReliabilityOptions<D extends Driver = Driver> {
  /** Shown as the top-level `describe`. */
  name: string;
  /**
   * Makes the driver under test; called once for the whole suite. The storage may be
   * shared with other tests: the suite writes only under prefixes of its own and never
   * flushes.
   */
  createDriver(): D | Promise<D>;
  /** Releases the driver after the suite (e.g. `client.quit()`). */
  closeDriver?(driver: D): void | Promise<void>;
  /** Runs of each fast-check property (default 100). */
  numRuns?: number;
  /** A fast-check seed, to replay the runs a failure printed. */
  seed?: number;
  /** Per-test timeout in milliseconds handed to `it` (default: the framework's). */
  timeout?: number;
}

/**
 * The reliability suite of the guarantees in docs/RELIABILITY.md: bad input fails with typed errors before
 * anything is sent, names and prefixes are matched literally, values round-trip, a
 * failed command is reported by name, and random writes read back as a reference model
 * of the documented semantics says they should.
 *
 * @example
 * ```ts
 * import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
 * reliabilitySuite(
 *   { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach },
 *   { name: 'ioredis', createDriver: () => ioredisDriver(new Redis(port)), numRuns: 60 },
 * );
 * ```
 */
export function reliabilitySuite<D extends Driver>(
  api: TestApi,
  options: ReliabilityOptions<D>,
): void {
  let driver: D | undefined;
  const getDriver = (): D => {
    if (!driver) throw new Error('reliabilitySuite: the driver is used outside a test');
    return driver;
  };
  api.describe(`reliability: ${options.name}`, () => {
    api.beforeAll(async () => {
      driver = await options.createDriver();
    });
    api.afterAll(async () => {
      if (driver && options.closeDriver) await options.closeDriver(driver);
      driver = undefined;
    });
    const ctx = createReliabilityContext(api, getDriver, options.timeout);
    badInputTests(ctx);
    isolationTests(ctx);
    roundTripTests(ctx);
    storageErrorTests(ctx);
    propertyTests(ctx, { numRuns: options.numRuns ?? 100, seed: options.seed });
    labelPropertyTests(ctx, { numRuns: options.numRuns ?? 100, seed: options.seed });
  });
}
