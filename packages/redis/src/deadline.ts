import { StorageError } from '@kairos/core';

/**
 * Settles like `work`, or rejects with a `StorageError` after `ms` milliseconds. The client
 * may keep a command queued while Redis is unreachable (node-redis queues it until it reconnects), so
 * the driver bounds the wait itself. The losing promise stays handled, and the timer is
 * cleared, so nothing leaks or surfaces as an unhandled rejection.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const cause = new Error(`timed out after ${ms} ms`);
      reject(new StorageError(`Redis did not answer ${what} within ${ms} ms`, { cause }));
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Wraps any client failure in a `StorageError` (a `StorageError` passes through). */
export function asStorageError(error: unknown, what: string): StorageError {
  if (error instanceof StorageError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StorageError(`Redis ${what} failed: ${message}`, { cause: error });
}
