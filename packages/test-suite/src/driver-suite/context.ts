import type { Driver } from '@kairos/core';
import type { TestApi, TestFn } from '../conformance/api';

/** What the driver-suite topics share. */
export interface DriverSuiteContext {
  readonly api: TestApi;
  /** Whether the driver under test is expected to be a cluster driver. */
  readonly cluster: boolean;
  /** The driver under test (valid inside tests). */
  driver(): Driver;
  /** One driver per cluster master, each reaching only its master (valid inside tests). */
  masters(): readonly Driver[];
  /** Registers a test with the suite's timeout. */
  test(name: string, fn: TestFn): void;
}

/**
 * The indexes of the masters that hold `key`, asking each directly. A master that does not
 * own the slot answers MOVED, so only the owner can say EXISTS 1.
 */
export async function holders(masters: readonly Driver[], key: string): Promise<number[]> {
  const found: number[] = [];
  for (const [i, master] of masters.entries()) {
    const [exists] = await master.exec([['EXISTS', key]]).catch(() => [0]);
    if (exists === 1) found.push(i);
  }
  return found;
}
