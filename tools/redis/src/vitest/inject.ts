import { inject } from 'vitest';
import type { RedisTargets } from './setup';

export type { RedisTargets } from './setup';

/**
 * The servers started by {@link redisGlobalSetup} for this run, read inside a test file.
 * Throws a clear error when the package's vitest config has no such global setup.
 */
export function redisTargets(): RedisTargets {
  const targets = inject('kairosRedis');
  if (!targets) {
    throw new Error('no kairosRedis provided: add redisGlobalSetup() to vitest globalSetup');
  }
  return targets;
}
