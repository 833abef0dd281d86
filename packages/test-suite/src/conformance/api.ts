import type { Driver } from '@kairos/core';

/** The assertions the suite uses; vitest's and jest's `expect` both fit. */
export interface Assertion {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toBeInstanceOf(expected: unknown): void;
  toBeGreaterThanOrEqual(expected: number): void;
  toBeLessThan(expected: number): void;
  toBeLessThanOrEqual(expected: number): void;
  toBeCloseTo(expected: number, digits?: number): void;
  toMatch(expected: string | RegExp): void;
  toContain(expected: unknown): void;
  not: { toBe(expected: unknown): void; toEqual(expected: unknown): void };
}

/** A test body: may be async. */
export type TestFn = () => unknown;

/**
 * The test framework's functions, structurally typed so that the published types do not
 * depend on vitest or jest: pass `{ describe, it, expect, beforeAll, afterAll, beforeEach, afterEach }`.
 */
export interface TestApi {
  describe(name: string, fn: () => void): unknown;
  it(name: string, fn: TestFn, timeout?: number): unknown;
  expect(actual: unknown): Assertion;
  beforeAll(fn: TestFn): unknown;
  afterAll(fn: TestFn): unknown;
  beforeEach(fn: TestFn): unknown;
  afterEach(fn: TestFn): unknown;
}

/** What a driver cannot do; each `false` leaves out the tests that need it. */
export interface ConformanceFeatures {
  /** EXPIRE is stored and `TTL` reports it (default true). */
  ttl?: boolean;
  /** A command against a key of the wrong type fails with a reply error (default true). */
  storageErrors?: boolean;
  /** Tests writing more than one chunk (over 10,000 values) in one call (default true). */
  largeBatches?: boolean;
}

/** Options of {@link conformanceSuite}. */
export interface ConformanceOptions<D extends Driver = Driver> {
  /** Shown as the top-level `describe`. */
  name: string;
  /** Makes the driver under test; called once for the whole suite. */
  createDriver(): D | Promise<D>;
  /** Releases the driver after the suite (e.g. `client.quit()`). */
  closeDriver?(driver: D): void | Promise<void>;
  /** Switches off tests of what the driver cannot do. */
  features?: ConformanceFeatures;
  /** Registers more tests inside the suite's `describe`, with the suite's helpers. */
  additionalTests?(context: import('./context').SuiteContext): void;
  /** Per-test timeout in milliseconds handed to `it` (default: the framework's). */
  timeout?: number;
}
