import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeGlob,
  intervalKey,
  nameKey,
  normalizePrefix,
  parseKey,
  resolutionKey,
} from '../src/keys';

describe('key layout', () => {
  it('matches kairos: <prefix><name>:<interval>:<bucket>[:<resolution>]', () => {
    const base = nameKey({ prefix: 'app:', hashTag: false }, 'cpu');
    const iKey = intervalKey(base, 'hour', 490081);
    expect(iKey).toBe('app:cpu:hour:490081');
    expect(resolutionKey(iKey, 29404860)).toBe('app:cpu:hour:490081:29404860');
  });

  it('wraps the name in a hash tag when asked', () => {
    expect(nameKey({ prefix: 'app:', hashTag: true }, 'cpu')).toBe('app:{cpu}');
  });

  it("normalises prefixes: ':' appended once, empty means none", () => {
    expect(normalizePrefix('app')).toBe('app:');
    expect(normalizePrefix('app:')).toBe('app:');
    expect(normalizePrefix('')).toBe('');
    expect(normalizePrefix(undefined)).toBe('');
  });

  it('escapes every glob character so SCAN matches literally', () => {
    expect(escapeGlob('a*b?c[d]e\\f')).toBe('a\\*b\\?c\\[d\\]e\\\\f');
    expect(escapeGlob('plain')).toBe('plain');
  });

  it('parses what it builds, with and without hash tag', () => {
    const name = fc.string({ minLength: 1 }).filter((s) => !/[:{}]/.test(s));
    fc.assert(
      fc.property(
        name,
        fc.constantFrom('minute', 'daily', 'h1'),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.option(fc.integer({ min: -1e9, max: 1e9 }), { nil: undefined }),
        fc.boolean(),
        fc.constantFrom('', 'app:', 'a:b:'),
        (n, interval, bucket, resolution, hashTag, prefix) => {
          const layout = { prefix, hashTag };
          const iKey = intervalKey(nameKey(layout, n), interval, bucket);
          const key = resolution === undefined ? iKey : resolutionKey(iKey, resolution);
          const parsed = parseKey(layout, key);
          expect(parsed).toEqual(
            resolution === undefined
              ? { name: n, interval, bucket }
              : { name: n, interval, bucket, resolution },
          );
        },
      ),
    );
  });

  it('rejects keys that are not of the layout', () => {
    const layout = { prefix: 'app:', hashTag: false };
    expect(parseKey(layout, 'other:cpu:hour:1')).toBeUndefined();
    expect(parseKey(layout, 'app:cpu:hour')).toBeUndefined();
    expect(parseKey(layout, 'app:cpu:hour:x')).toBeUndefined();
    expect(parseKey(layout, 'app:cpu:hour:1:2:3')).toBeUndefined();
    expect(parseKey(layout, 'app:x:cpu:hour:1')).toBeUndefined();
    expect(parseKey({ prefix: '', hashTag: true }, 'cpu:hour:1')).toBeUndefined();
  });
});
