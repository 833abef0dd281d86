import {
  type Command,
  type Driver,
  type Reply,
  type SeriesType,
  Timeseries,
  type TimeseriesOptions,
} from '@kairos/core';
import { type ManualClock, manualClock } from '@kairos/testing';
import {
  recordingDriver,
  scanAll,
  snapshot,
  uniquePrefix as uniqueKeyPrefix,
} from '../support/storage';
import type { ConformanceFeatures, TestApi, TestFn } from './api';
import { escapeGlob, NOW } from './model';

/** Options of {@link SuiteContext.fresh}: Timeseries options with a test-owned prefix and clock. */
export type FreshOptions<T extends SeriesType, R, V> = Omit<
  TimeseriesOptions<T, R, V>,
  'prefix' | 'clock'
> & {
  /** Appended to the test's unique prefix (e.g. `'app'`); the whole is the Timeseries prefix. */
  prefix?: string;
  /** Default: a manual clock at 2025-03-12T00:00:00Z. */
  clock?: ManualClock;
  /** Present the driver as a cluster driver (which forces the hash-tag layout). */
  cluster?: boolean;
};

/** One Timeseries on the driver under test, with what a test needs to look behind it. */
export interface Fixture<T extends SeriesType, R, V> {
  t: Timeseries<T, R, V>;
  /** The key prefix as stored, `':'` included. */
  prefix: string;
  clock: ManualClock;
  /** Every command the Timeseries sent, in order. */
  sent: Command[];
  /** The batches (`exec` calls, i.e. round trips) the Timeseries sent, in order. */
  batches: Command[][];
  /** SCAN patterns the Timeseries used. */
  scans: string[];
  /** `<prefix><name>`, or `<prefix>{<name>}` with the hash-tag layout (hashTag or a cluster driver). */
  name(name: string): string;
  /** The keys under this fixture's prefix, sorted. */
  keys(): Promise<string[]>;
}

/** The helpers topic files (and `additionalTests`) use. */
export interface SuiteContext {
  readonly api: TestApi;
  readonly features: Required<ConformanceFeatures>;
  /** The driver under test (valid inside tests). */
  driver(): Driver;
  /** Registers a test with the suite's timeout. */
  test(name: string, fn: TestFn): void;
  /** A unique random key prefix (no `':'`), so tests can share one Redis without flushing. */
  uniquePrefix(): string;
  /** A Timeseries with a unique prefix, a manual clock and a recording driver. */
  fresh<T extends SeriesType, R = string, V = string | number>(
    options: FreshOptions<T, R, V>,
  ): Fixture<T, R, V>;
  /** `<prefix><name>`, or `<prefix>{<name>}` when `hashTag` is set or the driver is a cluster's. */
  nameKey(prefix: string, name: string, hashTag?: boolean): string;
  /** Sends raw commands through the driver under test. */
  raw(commands: readonly Command[]): Promise<Reply[]>;
  /** Keys matching the glob, sorted. */
  scanKeys(match: string): Promise<string[]>;
  /** Every key under `prefix` with its type and contents, to prove a call changed nothing. */
  snapshot(prefix: string): Promise<Record<string, unknown>>;
}

/** Builds the context; `getDriver` returns the driver created in `beforeAll`. */
export function createContext(
  api: TestApi,
  getDriver: () => Driver,
  features: Required<ConformanceFeatures>,
  timeout: number | undefined,
): SuiteContext {
  const raw = (commands: readonly Command[]) => getDriver().exec(commands);
  const scanKeys = (match: string) => scanAll(getDriver(), match);
  const nameKey = (prefix: string, name: string, hashTag = false) =>
    hashTag || getDriver().cluster ? `${prefix}{${name}}` : `${prefix}${name}`;
  const uniquePrefix = () => uniqueKeyPrefix('kc');
  return {
    api,
    features,
    driver: getDriver,
    test: (name, fn) => (timeout === undefined ? api.it(name, fn) : api.it(name, fn, timeout)),
    uniquePrefix,
    nameKey,
    raw,
    scanKeys,
    snapshot: (prefix) => snapshot(getDriver(), prefix),
    fresh<T extends SeriesType, R, V>(options: FreshOptions<T, R, V>): Fixture<T, R, V> {
      const { prefix: label, clock = manualClock(NOW), cluster, ...rest } = options;
      const prefix = `${uniquePrefix()}${label ?? ''}`;
      const {
        driver: recording,
        sent,
        batches,
        scans,
      } = recordingDriver(getDriver(), cluster === true || getDriver().cluster);
      const t = new Timeseries<T, R, V>(recording, { ...rest, prefix, clock } as TimeseriesOptions<
        T,
        R,
        V
      >);
      const stored = prefix.endsWith(':') ? prefix : `${prefix}:`;
      return {
        t,
        prefix: stored,
        clock,
        sent,
        batches,
        scans,
        name: (name) => nameKey(stored, name, options.hashTag === true || recording.cluster),
        keys: () => scanKeys(`${escapeGlob(stored)}*`),
      };
    },
  };
}
