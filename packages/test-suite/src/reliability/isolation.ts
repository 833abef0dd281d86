import { NOW } from '../conformance/model';
import type { Snapshot } from '../support/storage';
import type { ReliabilityContext } from './context';

const HOUR = 3600;
const intervals = { minute: { step: 60 }, hour: { step: '1h', resolution: 60 } };
/** Keys one insert makes with {@link intervals}: the minute bucket, the hour index, one resolution. */
const KEYS_PER_INSERT = 3;

/** Names made of SCAN's glob characters, and names that are prefixes of one another. */
const GLOB_NAMES = [
  'a',
  'ab',
  'a*',
  'a?',
  '?',
  '*',
  '[a]',
  '[^a]',
  'a]',
  '\\',
  'a\\*',
  'b\\',
  'a b',
];

/**
 * docs/ARCHITECTURE.md "Keys" (names are matched exactly; SCAN patterns escape `* ? [ ] \`):
 * names and prefixes are data, never patterns; two prefixes never see each other's data.
 */
export function isolationTests(ctx: ReliabilityContext): void {
  const { expect } = ctx.api;

  ctx.api.describe('data isolation', () => {
    for (const hashTag of [false, true]) {
      ctx.test(`glob characters in names affect only that name (hashTag ${hashTag})`, async () => {
        const prefix = `${ctx.uniquePrefix()}:`;
        const { t, driver } = ctx.recorded({
          type: 'series',
          prefix,
          intervals,
          hashTag,
          clock: () => NOW,
        });
        const tagged = hashTag || driver.cluster;
        const keysOf = (snap: Snapshot, name: string) => {
          const base = tagged ? `${prefix}{${name}}:` : `${prefix}${name}:`;
          return Object.keys(snap).filter((key) => key.startsWith(base));
        };
        for (const [i, name] of GLOB_NAMES.entries()) {
          await t.insert(name, `value of ${name}`, { timestamp: NOW + i * HOUR });
        }
        expect(await t.list()).toEqual([...GLOB_NAMES].sort());
        for (const [i, name] of GLOB_NAMES.entries()) {
          const at = NOW + i * HOUR;
          expect(await t.properties(name)).toEqual({
            minute: { first: at, last: at },
            hour: { first: at, last: at },
          });
          expect([...(await t.get(name, 'minute', { timestamp: at }))]).toEqual([
            [at, [`value of ${name}`]],
          ]);
        }

        let remaining = [...GLOB_NAMES];
        for (const name of ['a*', '?', '*', '[a]', '\\', 'a']) {
          const before = await ctx.snapshot(prefix);
          const own = keysOf(before, name);
          expect(own.length).toBe(KEYS_PER_INSERT);
          expect(await t.delete(name)).toBe(KEYS_PER_INSERT);
          const expected = Object.fromEntries(
            Object.entries(before).filter(([key]) => !own.includes(key)),
          );
          expect(await ctx.snapshot(prefix)).toEqual(expected);
          remaining = remaining.filter((n) => n !== name);
          expect(await t.list()).toEqual([...remaining].sort());
          expect(await t.properties(name)).toEqual({});
          // Deleting again finds nothing: the pattern did not match a neighbour the first time.
          expect(await t.delete(name)).toBe(0);
        }
        expect(await t.deleteAll()).toBe(remaining.length * KEYS_PER_INSERT);
        expect(await ctx.snapshot(prefix)).toEqual({});
      });
    }

    ctx.test(
      'prefixes that are prefixes of each other (app, app2, app:x, ap) never mix',
      async () => {
        const base = ctx.uniquePrefix();
        const make = (prefix: string) =>
          ctx.recorded({ type: 'series', prefix, intervals, clock: () => NOW }).t;
        const [app, ...others] = [
          { prefix: `${base}app`, at: NOW },
          { prefix: `${base}app2`, at: NOW + HOUR },
          // `app`'s series `x` has keys starting with `app:x:`, this prefix.
          { prefix: `${base}app:x`, at: NOW + 2 * HOUR },
          { prefix: `${base}ap`, at: NOW + 3 * HOUR },
        ].map((space) => ({ ...space, t: make(space.prefix) }));
        const write = async ({ prefix, t, at }: NonNullable<typeof app>) => {
          for (const name of ['cpu', 'mem', 'x'])
            await t.insert(name, `${prefix}/${name}`, { timestamp: at });
        };
        for (const other of others) await write(other);
        const othersOnly = await ctx.snapshot(base);
        await write(app!);
        for (const { prefix, t, at } of [app!, ...others]) {
          expect(await t.list()).toEqual(['cpu', 'mem', 'x']);
          const own = { first: at, last: at };
          expect(await t.properties('x')).toEqual({ minute: own, hour: own });
          const read = await t.series('x', 'minute', { start: NOW, end: NOW + 3 * HOUR });
          expect(
            [...read].filter(([, values]) => Array.isArray(values) && values.length > 0),
          ).toEqual([[at, [`${prefix}/x`]]]);
        }
        expect(await app!.t.delete('x')).toBe(KEYS_PER_INSERT);
        expect(await app!.t.deleteAll()).toBe(2 * KEYS_PER_INSERT);
        expect(await app!.t.list()).toEqual([]);
        expect(await ctx.snapshot(base)).toEqual(othersOnly);
        for (const other of others) expect(await other.t.list()).toEqual(['cpu', 'mem', 'x']);
      },
    );

    ctx.test(
      'a Timeseries without a prefix ignores prefixed keys, and the other way round',
      async () => {
        const base = ctx.uniquePrefix();
        // The interval name is unique so that other tests' keys on a shared Redis stay foreign.
        const bareIntervals = { [`i${base}`]: { step: 60 } };
        const bare = ctx.recorded({ type: 'count', intervals: bareIntervals, clock: () => NOW }).t;
        const prefixed = ctx.recorded({
          type: 'count',
          prefix: base,
          intervals,
          clock: () => NOW,
        }).t;
        await bare.insert(base, 1, { timestamp: NOW });
        await prefixed.insert('hits', 2, { timestamp: NOW });
        await prefixed.insert(`i${base}`, 3, { timestamp: NOW });
        expect(await bare.list()).toEqual([base]);
        expect(await prefixed.list()).toEqual([`i${base}`, 'hits'].sort());
        // Without a hash tag the bare key starts like the prefixed ones: `<base>:i<base>:<bucket>`.
        const bareKey = `${base}:i${base}:${Math.floor(NOW / 60)}`;
        const prefixedKeys = Object.entries(await ctx.snapshot(`${base}:`)).filter(
          ([key]) => key !== bareKey,
        );
        expect(prefixedKeys.length).toBe(2 * KEYS_PER_INSERT);
        expect(await bare.deleteAll()).toBe(1);
        expect(Object.entries(await ctx.snapshot(`${base}:`))).toEqual(prefixedKeys);
        await bare.insert(base, 1, { timestamp: NOW });
        expect(await prefixed.deleteAll()).toBe(2 * KEYS_PER_INSERT);
        expect(await bare.list()).toEqual([base]);
        expect(await bare.delete(base)).toBe(1);
      },
    );
  });
}
