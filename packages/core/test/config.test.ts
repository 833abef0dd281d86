import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config';
import { ConfigError } from '../src/errors';
import type { TimeseriesOptions } from '../src/options';
import type { SeriesType } from '../src/transforms';
import { recordingDriver } from './recording-driver';

type Options = TimeseriesOptions<SeriesType, unknown, never>;
const { driver } = recordingDriver();
const build = (options: unknown) => buildConfig(driver, options as Options);

describe('buildConfig', () => {
  it('tells coarse from fine by comparing parsed steps', () => {
    const config = build({
      type: 'series',
      intervals: {
        a: { step: '1h', resolution: 3600 },
        b: { step: '1h', resolution: 60 },
        c: { step: 'daily' },
      },
    });
    expect(config.intervals.get('a')?.coarse).toBe(true);
    expect(config.intervals.get('b')?.coarse).toBe(false);
    expect(config.intervals.get('c')?.coarse).toBe(true);
  });

  it('forces the hash-tag layout on a cluster driver', () => {
    const cluster = recordingDriver(undefined, [], true).driver;
    const config = buildConfig(cluster, {
      type: 'count',
      intervals: { m: { step: 60 } },
    } as Options);
    expect(config.layout).toEqual({ prefix: '', hashTag: true });
  });

  it.each([
    [{ type: 'series', intervals: {} }, /at least one interval/],
    [{ type: 'nope', intervals: { m: { step: 60 } } }, /type must be one of/],
    [{ type: 'series', intervals: { m: { step: 'fortnight' } } }, /interval "m" step/],
    [{ type: 'series', intervals: { m: { step: 0 } } }, /interval "m" step/],
    [{ type: 'series', intervals: { m: { step: -60 } } }, /interval "m" step/],
    [
      { type: 'series', intervals: { m: { step: 60, resolution: 3600 } } },
      /interval "m": resolution .* larger than step/,
    ],
    [{ type: 'series', intervals: { m: { step: 60, steps: 0 } } }, /interval "m" steps/],
    [{ type: 'series', intervals: { m: { step: 60, steps: 1.5 } } }, /interval "m" steps/],
    [{ type: 'series', intervals: { 'a:b': { step: 60 } } }, /interval "a:b"/],
    [{ type: 'series', intervals: { m: { step: 60 } }, prefix: 'a{b}' }, /prefix/],
    [{ type: 'series', intervals: { m: { step: 60 } }, read: 'Number' }, /read must be a function/],
    [{ type: 'series', intervals: { m: { step: 'daily', timezone: 'Mars/Olympus' } } }, /timezone/],
    [{ type: 'series', intervals: { m: { step: 60, align: 'noon' } } }, /align/],
  ])('rejects %j', (options, message) => {
    expect(() => build(options)).toThrow(ConfigError);
    expect(() => build(options)).toThrow(message);
  });
});

describe('interval names', () => {
  it('rejects names that read like bucket ids, so nested prefixes never share keys', () => {
    expect(() => build({ type: 'series', intervals: { '60': { step: 60 } } })).toThrow(
      /not a number/,
    );
    expect(() => build({ type: 'series', intervals: { '-1': { step: 60 } } })).toThrow(ConfigError);
    expect(build({ type: 'series', intervals: { m60: { step: 60 } } }).intervals.has('m60')).toBe(
      true,
    );
  });

  it('rejects a prefix with a lone surrogate', () => {
    expect(() =>
      build({ type: 'series', prefix: 'a\uD800', intervals: { m: { step: 60 } } }),
    ).toThrow(/lone surrogates/);
  });
});
