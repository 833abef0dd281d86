import { afterEach, describe, expect, it, vi } from 'vitest';
import { redisServerAvailable, useRealRedis } from '../src/index';

describe('useRealRedis', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('skips with a loud warning when redis-server is missing', () => {
    vi.stubEnv('PATH', '/nonexistent');
    vi.stubEnv('KAIROS_REQUIRE_REDIS', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(redisServerAvailable()).toBe(false);
    expect(useRealRedis('my suite')).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /SKIPPED: my suite[\s\S]*KAIROS_REQUIRE_REDIS=1/,
    );
  });

  it('fails when redis-server is missing and KAIROS_REQUIRE_REDIS=1', () => {
    vi.stubEnv('PATH', '/nonexistent');
    vi.stubEnv('KAIROS_REQUIRE_REDIS', '1');
    expect(() => useRealRedis('my suite')).toThrow(/KAIROS_REQUIRE_REDIS=1/);
  });
});
