import type { Driver } from '@kairos/core';
import type { TestApi } from '../conformance/api';

/** A server the fault suite may stop and restart (e.g. `startServer()` of a test tool). */
export interface FaultServer {
  /** Kills the server; resolves once it has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same address (data need not be kept). */
  restart(): Promise<void>;
}

/** Options a fault test asks a driver for. */
export interface FaultDriverOptions {
  /** The driver's bound on a call, in milliseconds; absent: the driver's default. */
  timeoutMs?: number;
  /** `false`: plain commands instead of scripted writes; absent: the driver's default. */
  scripts?: boolean;
}

/** The driver's bound in the tests that set one; the default bound is tested on its own. */
export const BOUND_MS = 2_000;
/** What a rejection may take beyond the bound: timers and the event loop, not a retry. */
export const SLACK_MS = 1_500;
/** The longest a call may wait with the default settings (docs/RELIABILITY.md: fail fast). */
export const DEFAULT_BOUND_MS = 10_000;

/** What the fault topics share. */
export interface FaultContext {
  readonly api: TestApi;
  /** The server of this suite (valid inside tests). */
  server(): FaultServer;
  /** A driver on the suite's one client, which reconnects by itself (valid inside tests). */
  driver(options?: FaultDriverOptions): Driver;
}

/** Resolves once `check` resolves to true, or rejects after `timeoutMs`. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`the condition did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** True when `call` resolves, false when it rejects. */
export function succeeds(call: () => Promise<unknown>): Promise<boolean> {
  return call().then(
    () => true,
    () => false,
  );
}
