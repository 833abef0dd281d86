import type { Driver } from '@kairos/core';
import type { TestApi } from '../conformance/api';
import type { FaultContext, FaultDriverOptions, FaultServer } from './context';
import { driverFaultTests } from './driver-faults';
import { exactlyOnceTests } from './exactly-once';
import { timeseriesFaultTests } from './timeseries-faults';

/** One client of the fault suite's server, and drivers on it. */
export interface FaultClient {
  /** A driver on this client; with no `timeoutMs` it must use the adapter's default bound. */
  driver(options?: FaultDriverOptions): Driver;
  /** Closes the client. */
  close(): void | Promise<void>;
}

/** Options of {@link faultSuite}. */
export interface FaultSuiteOptions<S extends FaultServer = FaultServer> {
  /** Shown as the top-level `describe`. */
  name: string;
  /** Starts a standalone server of the suite's own: the suite stops and restarts it. */
  createServer(): Promise<S>;
  /**
   * Connects one client with default settings (it must reconnect by itself after a
   * restart, as clients do by default) and keep failures of reconnection off the log.
   */
  connect(server: S): FaultClient | Promise<FaultClient>;
}

/**
 * Stop/restart faults on a real server (docs/RELIABILITY.md): a call made while
 * Redis is down rejects with a `StorageError` within the driver's bound (10 s by default),
 * a bulk insert in flight when the server dies stops at the failed chunk, the same client
 * and Timeseries work again once Redis is back, nothing surfaces as an unhandled rejection,
 * a command failing mid-pipeline is named while the others ran, and a server refusing EVAL
 * gets plain commands. Each test stops the server or changes its ACL, so give the suite a
 * server of its own, never a shared one.
 *
 * @example
 * ```ts
 * faultSuite(api, {
 *   name: 'ioredis',
 *   createServer: startServer,
 *   connect: (server) => {
 *     const client = new Redis(server.port, server.host);
 *     client.on('error', () => {});
 *     return { driver: (options) => ioredisDriver(client, options), close: () => client.disconnect() };
 *   },
 * });
 * ```
 */
export function faultSuite<S extends FaultServer>(
  api: TestApi,
  options: FaultSuiteOptions<S>,
): void {
  let server: S | undefined;
  let client: FaultClient | undefined;
  /** A second connection, for what an operator does meanwhile (CLIENT KILL, reads). */
  let adminClient: FaultClient | undefined;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const ctx: FaultContext = {
    api,
    server() {
      if (!server) throw new Error('faultSuite: the server is only available inside tests');
      return server;
    },
    driver(driverOptions) {
      if (!client) throw new Error('faultSuite: the client is only available inside tests');
      return client.driver(driverOptions);
    },
  };
  api.describe(`faults: ${options.name}`, () => {
    api.beforeAll(async () => {
      process.on('unhandledRejection', onUnhandled);
      server = await options.createServer();
      client = await options.connect(server);
      adminClient = await options.connect(server);
    });
    api.afterAll(async () => {
      await client?.close();
      await adminClient?.close();
      await server?.stop();
      // Late replies and timers have had the whole suite to surface.
      process.off('unhandledRejection', onUnhandled);
      api.expect(unhandled).toEqual([]);
    });
    api.describe('the driver when Redis goes away', () => driverFaultTests(ctx));
    api.describe('a Timeseries when Redis dies and comes back', () => timeseriesFaultTests(ctx));
    api.describe('writes land exactly once', () =>
      exactlyOnceTests(ctx, () => {
        if (!adminClient) throw new Error('faultSuite: the client is only available inside tests');
        return adminClient.driver();
      }),
    );
  });
}
