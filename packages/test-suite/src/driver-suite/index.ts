import type { Driver } from '@kairos/core';
import type { TestApi } from '../conformance/api';
import { clusterTests } from './cluster';
import type { DriverSuiteContext } from './context';
import { contractTests } from './contract';

/** Options of {@link driverSuite}. */
export interface DriverSuiteOptions<D extends Driver = Driver> {
  /** Shown as the top-level `describe`. */
  name: string;
  /** Makes the driver under test on a real Redis or cluster; called once for the suite. */
  createDriver(): D | Promise<D>;
  /** Releases the driver after the suite (e.g. `client.quit()`). */
  closeDriver?(driver: D): void | Promise<void>;
  /**
   * Cluster drivers only: one standalone driver per master, each connected to that master
   * alone (no redirects), so the suite can check which master holds a key. Given, the
   * driver is expected to say `cluster: true` and the cluster tests run.
   */
  createMasterDrivers?(): readonly Driver[] | Promise<readonly Driver[]>;
  /** Releases what `createMasterDrivers` made. */
  closeMasterDrivers?(drivers: readonly Driver[]): void | Promise<void>;
  /** Per-test timeout in milliseconds handed to `it` (default: the framework's). */
  timeout?: number;
}

/**
 * The raw Driver contract (docs/ARCHITECTURE.md "The data path") on a real server, for adapter authors: replies in order
 * and in raw RESP2 shape, an empty batch, a failed command named in a `StorageError` after
 * the rest of the pipeline ran, SCAN by glob. For a cluster driver also: batches across
 * slots reassembled in order, SCAN on every master, a failing slot group named, keyless
 * commands refused before anything is sent. Keys are written under random prefixes and
 * never flushed, so the server may be shared.
 *
 * @example
 * ```ts
 * import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
 * const api = { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach };
 * const client = new Redis(port);
 * driverSuite(api, {
 *   name: 'ioredis standalone',
 *   createDriver: () => ioredisDriver(client),
 *   closeDriver: () => client.disconnect(),
 * });
 * ```
 */
export function driverSuite<D extends Driver>(api: TestApi, options: DriverSuiteOptions<D>): void {
  let driver: D | undefined;
  let masters: readonly Driver[] | undefined;
  const cluster = options.createMasterDrivers !== undefined;
  const ctx: DriverSuiteContext = {
    api,
    cluster,
    driver() {
      if (!driver) throw new Error('driverSuite: the driver is only available inside tests');
      return driver;
    },
    masters() {
      if (!masters) throw new Error('driverSuite: the masters are only available inside tests');
      return masters;
    },
    test: (name, fn) =>
      options.timeout === undefined ? api.it(name, fn) : api.it(name, fn, options.timeout),
  };
  api.describe(`driver: ${options.name}`, () => {
    api.beforeAll(async () => {
      driver = await options.createDriver();
      masters = (await options.createMasterDrivers?.()) ?? [];
    });
    api.afterAll(async () => {
      if (masters && options.closeMasterDrivers) await options.closeMasterDrivers(masters);
      if (driver && options.closeDriver) await options.closeDriver(driver);
      driver = undefined;
      masters = undefined;
    });
    contractTests(ctx);
    if (cluster) api.describe('cluster', () => clusterTests(ctx));
  });
}
