import type { Driver } from '@kairos/core';
import type { ConformanceFeatures, ConformanceOptions, TestApi } from './conformance/api';
import { conformanceSuite } from './conformance/index';
import { type DriverSuiteOptions, driverSuite } from './driver-suite/index';
import type { FaultServer } from './fault-suite/context';
import { type FaultSuiteOptions, faultSuite } from './fault-suite/index';
import { reliabilitySuite } from './reliability/index';

/** Options of {@link adapterSuites}: what each suite needs, given once. */
export interface AdapterSuitesOptions<
  D extends Driver = Driver,
  S extends FaultServer = FaultServer,
> {
  /** Shown in each suite's top-level `describe`. */
  name: string;
  /**
   * Makes a driver on the shared server or cluster. Called once per suite (three times), so
   * make a new client each time and release it in `closeDriver`.
   */
  createDriver(): D | Promise<D>;
  /** Releases a driver made by `createDriver` (e.g. `client.quit()`). */
  closeDriver?(driver: D): void | Promise<void>;
  /** Cluster drivers: one driver per master, see {@link DriverSuiteOptions}. */
  createMasterDrivers?: DriverSuiteOptions<D>['createMasterDrivers'];
  /** Releases what `createMasterDrivers` made. */
  closeMasterDrivers?: DriverSuiteOptions<D>['closeMasterDrivers'];
  /** What the driver cannot do, for the conformance suite. */
  features?: ConformanceFeatures;
  /** More conformance tests with the suite's helpers. */
  additionalTests?: ConformanceOptions<D>['additionalTests'];
  /** Runs of each fast-check property in the reliability suite (default 100). */
  numRuns?: number;
  /** A fast-check seed, to replay the runs a failure printed. */
  seed?: number;
  /** Per-test timeout in milliseconds handed to `it` (default: the framework's). */
  timeout?: number;
  /**
   * The fault suite, on a server of its own that it stops and restarts; left out when
   * absent (a cluster, or a driver that cannot reconnect).
   */
  faults?: Omit<FaultSuiteOptions<S>, 'name'>;
}

/**
 * Every suite of this package against one driver: {@link conformanceSuite} (the whole API),
 * {@link reliabilitySuite} (bad input, isolation, round trips, properties),
 * {@link driverSuite} (the raw `Driver` contract, and cluster behaviour when
 * `createMasterDrivers` is given) and, with `faults`, {@link faultSuite}.
 *
 * @example
 * ```ts
 * import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
 * const api = { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach };
 * adapterSuites(api, {
 *   name: 'my driver',
 *   createDriver: () => myDriver(new Client(url)),
 *   closeDriver: (driver) => driver.close(),
 *   numRuns: 50,
 * });
 * ```
 */
export function adapterSuites<D extends Driver, S extends FaultServer = FaultServer>(
  api: TestApi,
  options: AdapterSuitesOptions<D, S>,
): void {
  const { name, createDriver, closeDriver, timeout } = options;
  const common = {
    name,
    createDriver,
    ...(closeDriver ? { closeDriver } : {}),
    ...(timeout === undefined ? {} : { timeout }),
  };
  conformanceSuite(api, {
    ...common,
    ...(options.features ? { features: options.features } : {}),
    ...(options.additionalTests ? { additionalTests: options.additionalTests } : {}),
  });
  reliabilitySuite(api, {
    ...common,
    ...(options.numRuns === undefined ? {} : { numRuns: options.numRuns }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  driverSuite(api, {
    ...common,
    ...(options.createMasterDrivers ? { createMasterDrivers: options.createMasterDrivers } : {}),
    ...(options.closeMasterDrivers ? { closeMasterDrivers: options.closeMasterDrivers } : {}),
  });
  if (options.faults) faultSuite(api, { name, ...options.faults });
}
