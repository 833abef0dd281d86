import type { Driver } from '@kairos/core';
import type { ConformanceOptions, TestApi } from './api';
import { bulkInsertTests } from './bulk-insert';
import { calendarTests } from './calendar';
import { collapseTests } from './collapse';
import { createContext, type SuiteContext } from './context';
import { customReadTests } from './custom-reads';
import { deleteTests } from './delete';
import { dumpTests } from './dump';
import { errorTests } from './errors';
import { fillTests } from './fill';
import { fineTests } from './fine';
import { insertTests } from './insert';
import { iterateTests } from './iterate';
import { joinTests } from './join';
import { keyLayoutTests } from './keys';
import { labelTests } from './labels';
import { metadataTests } from './metadata';
import { migrateTests } from './migrate';
import { oldWriteTests } from './old-writes';
import { prefixTests } from './prefix';
import { roundTripTests } from './round-trips';
import { seriesRangeTests } from './series-range';
import { stepFormatTests } from './step-formats';
import { storageErrorTests } from './storage-errors';
import { transformTests } from './transforms';
import { ttlTests } from './ttl';
import { typeTests } from './types';

/** The topic files, in the order they are registered. */
const TOPICS: ReadonlyArray<(ctx: SuiteContext) => void> = [
  keyLayoutTests,
  stepFormatTests,
  typeTests,
  fineTests,
  calendarTests,
  insertTests,
  bulkInsertTests,
  seriesRangeTests,
  collapseTests,
  joinTests,
  transformTests,
  customReadTests,
  iterateTests,
  labelTests,
  fillTests,
  metadataTests,
  deleteTests,
  prefixTests,
  ttlTests,
  roundTripTests,
  oldWriteTests,
  errorTests,
  storageErrorTests,
  dumpTests,
  migrateTests,
];

/**
 * The adapter conformance suite: the whole public API of Kairos (README, docs/ARCHITECTURE.md) run against the
 * driver under test. Every test writes under its own random prefix, so the suite can share
 * a Redis server with other data and never flushes it.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
 * import { conformanceSuite } from '@kairos/testing';
 * import { ioredisDriver } from '@kairos/ioredis';
 *
 * conformanceSuite(
 *   { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach },
 *   {
 *     name: 'ioredis',
 *     createDriver: () => ioredisDriver(new Redis(process.env.REDIS_URL!)),
 *   },
 * );
 * ```
 */
export function conformanceSuite<D extends Driver>(
  api: TestApi,
  options: ConformanceOptions<D>,
): void {
  const features = { ttl: true, storageErrors: true, largeBatches: true, ...options.features };
  let driver: D | undefined;
  const getDriver = (): D => {
    if (!driver) throw new Error('conformanceSuite: the driver is only available inside tests');
    return driver;
  };
  const ctx = createContext(api, getDriver, features, options.timeout);
  api.describe(`Kairos conformance: ${options.name}`, () => {
    api.beforeAll(async () => {
      driver = await options.createDriver();
    });
    api.afterAll(async () => {
      if (driver && options.closeDriver) await options.closeDriver(driver);
      driver = undefined;
    });
    for (const topic of TOPICS) topic(ctx);
    options.additionalTests?.(ctx);
  });
}
