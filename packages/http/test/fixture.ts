import { createTimeseries } from '@kairos/ioredis';
import { redisTargets } from '@kairos-tools/redis-server/vitest';
import { Redis } from 'ioredis';
import { createApp } from '../src/index';
import type { AnyTimeseries, AppOptions } from '../src/options';

/** The run's shared server (see global-setup.ts). */
export const targets = redisTargets();

/** An hour boundary two hours ago, in seconds: the data lives in the hour after it. */
export const T0 = Math.floor(Date.now() / 3_600_000) * 3600 - 7200;
/** The same, in milliseconds (the API's unit). */
export const T0_MS = T0 * 1000;

/** A client of the shared server. */
export function client(): Redis {
  const { host, port } = targets.standalone!;
  return new Redis({ host, port });
}

/** A key prefix of its own for each suite, since test files share the server. */
export function uniquePrefix(): string {
  return `h${Math.random().toString(36).slice(2, 10)}:`;
}

/**
 * Two keys of stored data: `requests` (counts: `a` 1, 2, 3 in the first three minutes after
 * T0; `b` 10 in the first and 20 in the third), `latency` (series of numbers: `api` 10 and 30
 * in the first minute, 20 in the second), each with a coarse `minute` and a fine `hour` of
 * minutes. Labels: `a` region=eu, `b` region=us, both service=api; `api` service=api.
 */
export async function storedSeries(redis: Redis) {
  const prefix = uniquePrefix();
  const intervals = {
    minute: { step: 60 },
    hour: { step: '1h', resolution: 60 },
  } as const;
  const requests = createTimeseries(redis, { type: 'count', prefix: `${prefix}r`, intervals });
  const latency = createTimeseries(redis, {
    type: 'series',
    read: Number,
    prefix: `${prefix}l`,
    intervals,
  });
  await requests.bulkInsert([
    [T0, { a: [1], b: [10] }],
    [T0 + 60, { a: [2] }],
    [T0 + 120, { a: [3], b: [20] }],
  ]);
  await latency.bulkInsert([
    [T0 + 5, { api: [10, 30] }],
    [T0 + 65, { api: [20] }],
  ]);
  await requests.setLabels('a', { service: 'api', region: 'eu' });
  await requests.setLabels('b', { service: 'api', region: 'us' });
  await latency.setLabels('api', { service: 'api' });
  const series: Record<string, AnyTimeseries> = { requests, latency };
  return series;
}

/** An app over the stored series, with options of the test. */
export async function storedApp(redis: Redis, options: Omit<AppOptions, 'series'> = {}) {
  return createApp({ series: await storedSeries(redis), ...options });
}

/** A JSON body, whose shape the tests check with `expect`. */
// biome-ignore lint/suspicious/noExplicitAny: every use is checked by an assertion
export type Body = any;

/** The body of a JSON answer, with its status. */
export async function json(
  response: Response | Promise<Response>,
): Promise<{ status: number; body: Body; headers: Headers }> {
  const r = await response;
  return { status: r.status, body: (await r.json()) as Body, headers: r.headers };
}
