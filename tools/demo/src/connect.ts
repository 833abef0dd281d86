/**
 * Where the demo stores its data: the in-memory mock, or the Redis at REDIS_URL.
 */
import {
  type IntervalsOptions,
  type SeriesType,
  Timeseries,
  type TimeseriesOptions,
} from '@kairos/core';
import { mockDriver } from '@kairos/testing';

/** Builds a Timeseries on the chosen store. */
export type Make = <
  T extends SeriesType,
  R = string,
  V = string | number,
  I extends IntervalsOptions = IntervalsOptions,
>(
  options: TimeseriesOptions<T, R, V, I>,
) => Timeseries<T, R, V, I>;

export interface Store {
  /** Printed at the start: what the demo runs on. */
  where: string;
  make: Make;
  close(): Promise<void>;
}

/** The mock when REDIS_URL is unset; else an ioredis client on it. */
export async function connect(): Promise<Store> {
  const url = process.env.REDIS_URL;
  if (!url) {
    const driver = mockDriver(); // one in-memory store, like one Redis server
    return {
      where: 'the in-memory mock (set REDIS_URL=redis://… to use a Redis server)',
      make: (options) => new Timeseries(driver, options),
      close: () => driver.close(),
    };
  }
  // Loaded only here, so the mock path needs no Redis client at all.
  const { default: Redis } = await import('ioredis');
  const { createTimeseries } = await import('@kairos/ioredis');
  // No reconnect loop: an unreachable REDIS_URL should fail the demo at once.
  const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
  let cause: Error | undefined; // the socket error, more telling than connect()'s rejection
  redis.on('error', (error: Error) => {
    cause = error;
  });
  try {
    await redis.connect();
  } catch (error) {
    const reason = (cause ?? (error as Error)).message;
    throw new Error(`cannot connect to REDIS_URL ${redact(url)}: ${reason}`);
  }
  return {
    where: `${redact(url)} (keys under kairos-demo:)`,
    make: (options) =>
      createTimeseries(redis, { ...options, prefix: `kairos-demo:${options.prefix ?? ''}` }),
    close: async () => {
      await redis.quit();
    },
  };
}

/** The URL without its password, for printing. */
function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
