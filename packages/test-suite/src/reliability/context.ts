import {
  type Command,
  type Driver,
  type SeriesType,
  Timeseries,
  type TimeseriesOptions,
} from '@kairos/core';
import type { TestApi, TestFn } from '../conformance/api';
import { recordingDriver, type Snapshot, snapshot, uniquePrefix } from '../support/storage';

/** What the reliability topics share: the test API, the driver and storage probes. */
export interface ReliabilityContext {
  readonly api: TestApi;
  /** The driver under test (valid inside tests and hooks). */
  driver(): Driver;
  /** Registers a test with the suite's timeout. */
  test(name: string, fn: TestFn): void;
  /**
   * A prefix no other test uses, so that tests can share one Redis without flushing it:
   * every key a Timeseries with this prefix writes starts with it.
   */
  uniquePrefix(): string;
  /** A Timeseries on a driver that records what was sent (see {@link Recorded}). */
  recorded<T extends SeriesType, R = string, V = string | number>(
    options: TimeseriesOptions<T, R, V>,
  ): Recorded<T, R, V>;
  /** Every key starting with `prefix`, with its type and contents, read through the driver. */
  snapshot(prefix: string): Promise<Snapshot>;
}

/** A Timeseries and every pipeline and SCAN it sent. */
export interface Recorded<T extends SeriesType, R, V> {
  readonly t: Timeseries<T, R, V>;
  /** The recording driver the Timeseries uses. */
  readonly driver: Driver;
  readonly sent: Command[][];
  readonly scans: string[];
}

/** Builds the context around the driver the suite creates in `beforeAll`. */
export function createReliabilityContext(
  api: TestApi,
  driver: () => Driver,
  timeout: number | undefined,
): ReliabilityContext {
  return {
    api,
    driver,
    test: (name, fn) => (timeout === undefined ? api.it(name, fn) : api.it(name, fn, timeout)),
    uniquePrefix: () => uniquePrefix('kr'),
    recorded(options) {
      const { driver: recording, batches, scans } = recordingDriver(driver());
      return { t: new Timeseries(recording, options), driver: recording, sent: batches, scans };
    },
    snapshot: (prefix) => snapshot(driver(), prefix),
  };
}
