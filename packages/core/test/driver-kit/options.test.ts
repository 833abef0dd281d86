import { describe, expect, it } from 'vitest';
import { resolveDriverOptions } from '../../src/driver-kit';
import { ConfigError } from '../../src/errors';

describe('resolveDriverOptions', () => {
  it('defaults to a 10 s bound and plain commands', () => {
    expect(resolveDriverOptions()).toEqual({ timeoutMs: 10_000, scripts: true });
    expect(resolveDriverOptions({ timeoutMs: 250, scripts: false })).toEqual({
      timeoutMs: 250,
      scripts: false,
    });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, '100'])(
    'rejects timeoutMs %s',
    (timeoutMs) => {
      expect(() => resolveDriverOptions({ timeoutMs: timeoutMs as number })).toThrow(ConfigError);
    },
  );

  it('rejects a scripts flag that is not a boolean', () => {
    expect(() => resolveDriverOptions({ scripts: 'yes' as unknown as boolean })).toThrow(
      /scripts must be a boolean/,
    );
  });
});
