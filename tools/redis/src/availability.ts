import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** True when an executable `redis-server` is on PATH. */
export function redisServerAvailable(): boolean {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.some((dir) => {
    try {
      accessSync(join(dir, 'redis-server'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** True when env `KAIROS_REQUIRE_REDIS=1`: a missing `redis-server` is then a failure. */
export function redisRequired(): boolean {
  return process.env.KAIROS_REQUIRE_REDIS === '1';
}

/**
 * The policy of real-Redis suites: resolves `true` when `redis-server` can be used. When it
 * is missing, warns loudly and returns `false` (the suite skips) — or throws when
 * `KAIROS_REQUIRE_REDIS=1`, so that CI cannot pass by skipping.
 *
 * @example
 * ```ts
 * describe.runIf(useRealRedis('ioredis driver'))('ioredis driver', () => { … });
 * ```
 */
export function useRealRedis(suite = 'real-Redis tests'): boolean {
  if (redisServerAvailable()) return true;
  if (redisRequired()) {
    throw new Error(`${suite}: redis-server is not on PATH and KAIROS_REQUIRE_REDIS=1`);
  }
  const line = '!'.repeat(72);
  console.warn(
    `\n${line}\n!! SKIPPED: ${suite}\n!! redis-server is not on PATH, so nothing ran against a real Redis.\n!! Install Redis 7 (e.g. apt-get install redis-server), or set\n!! KAIROS_REQUIRE_REDIS=1 to make this a failure.\n${line}\n`,
  );
  return false;
}
