import { NOW } from '../conformance/model';
import type { ReliabilityContext } from './context';

const intervals = { minute: { step: 60 }, hour: { step: '1h', resolution: 60 } };

/** Strings a user may well store: separators, spaces, unicode, glob and JSON characters. */
const STRINGS = [
  'a:b:c',
  ':',
  ' leading and trailing ',
  'tab\there\nnewline',
  'ünïcødé',
  '日本語',
  '🎉 emoji 👩‍👩‍👧',
  '*?[]\\',
  '{tag}',
  '"quoted" \'single\'',
  '007',
  '1e3',
  '-0',
  'x'.repeat(10_000),
];

/** Numbers at the edges of doubles; `read: Number` must give each back exactly. */
const NUMBERS = [
  0,
  1,
  -1,
  1.5,
  -2.25,
  0.1,
  1e-7,
  5e-324,
  2 ** 53 - 1,
  -(2 ** 53 - 1),
  2 ** 53 + 2,
  1e21,
  -1e300,
  Number.MAX_VALUE,
  123456789.12345679,
];

/** Names beyond ASCII letters, including ones that are `Object.prototype` keys. */
const NAMES = [
  ' spaced name ',
  'ünïcødé',
  '日本語',
  '🎉',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'quote\'s "name"',
  'a*?[]\\',
];

/** README "Types": what is written reads back unchanged, whatever characters it holds. */
export function roundTripTests(ctx: ReliabilityContext): void {
  const { expect } = ctx.api;
  const fresh = <T extends 'series' | 'set' | 'histogram' | 'gauge' | 'count'>(type: T) =>
    ctx.recorded({ type, prefix: ctx.uniquePrefix(), intervals, clock: () => NOW }).t;
  const only = <D>(map: Map<number, D>): D => {
    expect(map.size).toBe(1);
    return [...map.values()][0] as D;
  };

  ctx.api.describe('values round-trip', () => {
    ctx.test('series: strings (with the empty string) in order, coarse and fine', async () => {
      const t = fresh('series');
      const values = ['', ...STRINGS, ''];
      await t.insert('s', values, { timestamp: NOW });
      await t.bulkInsert([[NOW, { s: ['after'] }]]);
      expect(only(await t.get('s', 'minute', { timestamp: NOW }))).toEqual([...values, 'after']);
      expect(only(await t.get('s', 'hour', { timestamp: NOW }))).toEqual([...values, 'after']);
    });

    ctx.test(
      'set and histogram: strings (with the empty string) as members and fields',
      async () => {
        const set = fresh('set');
        const histogram = fresh('histogram');
        for (const t of [set, histogram]) {
          await t.insert('v', ['', ...STRINGS], { timestamp: NOW });
          await t.insert('v', STRINGS, { timestamp: NOW });
        }
        expect(only(await set.get('v', 'minute', { timestamp: NOW }))).toEqual(
          new Set(['', ...STRINGS]),
        );
        const counts = only(await histogram.get('v', 'hour', { timestamp: NOW, condense: true }));
        expect(counts).toEqual(new Map([['', 1], ...STRINGS.map((s): [string, number] => [s, 2])]));
      },
    );

    ctx.test(
      "gauge: each string is the last write, and '' is a value, not an empty bucket",
      async () => {
        const t = fresh('gauge');
        for (const value of [...STRINGS, '']) {
          await t.insert('g', value, { timestamp: NOW });
          expect(only(await t.get('g', 'minute', { timestamp: NOW }))).toBe(value);
          expect(only(await t.get('g', 'hour', { timestamp: NOW, condense: true }))).toBe(value);
        }
      },
    );

    ctx.test(
      'numbers: large, tiny and negative values come back exactly with read: Number',
      async () => {
        for (const type of ['series', 'gauge'] as const) {
          const t = ctx.recorded({
            type,
            prefix: ctx.uniquePrefix(),
            intervals,
            read: Number,
            clock: () => NOW,
          }).t;
          await t.insert('n', NUMBERS, { timestamp: NOW });
          const back = only(await t.get('n', 'minute', { timestamp: NOW }));
          expect(back).toEqual(type === 'series' ? NUMBERS : NUMBERS.at(-1));
        }
        const set = ctx.recorded({
          type: 'set',
          prefix: ctx.uniquePrefix(),
          intervals,
          read: Number,
          clock: () => NOW,
        }).t;
        await set.insert('n', NUMBERS, { timestamp: NOW });
        expect(only(await set.get('n', 'minute', { timestamp: NOW }))).toEqual(new Set(NUMBERS));
      },
    );

    ctx.test('write/read: JSON values with separators and unicode', async () => {
      type Event = { path: string; n: number; tags: string[] };
      const t = ctx.recorded<'series', Event, Event>({
        type: 'series',
        prefix: ctx.uniquePrefix(),
        intervals,
        clock: () => NOW,
        write: (e) => JSON.stringify(e),
        read: (raw) => JSON.parse(raw) as Event,
      }).t;
      const events: Event[] = [
        { path: 'a:b/c', n: -1.5, tags: ['ü', ''] },
        { path: '', n: 2 ** 53 - 1, tags: ['{x}', '*'] },
      ];
      await t.insert('e', events, { timestamp: NOW });
      expect(only(await t.get('e', 'minute', { timestamp: NOW }))).toEqual(events);
    });

    ctx.test('names: unicode, spaces, quotes and Object.prototype keys', async () => {
      const t = fresh('series');
      await t.bulkInsert([
        [NOW, Object.fromEntries(NAMES.map((name) => [name, [`bulk ${name}`]]))],
      ]);
      for (const name of NAMES) await t.insert(name, `one ${name}`, { timestamp: NOW });
      expect(await t.list()).toEqual([...NAMES].sort());
      for (const name of NAMES) {
        expect(only(await t.get(name, 'minute', { timestamp: NOW }))).toEqual([
          `bulk ${name}`,
          `one ${name}`,
        ]);
        expect(await t.properties(name)).toEqual({
          minute: { first: NOW, last: NOW },
          hour: { first: NOW, last: NOW },
        });
      }
      const joined = only(await t.get(['__proto__', 'constructor'], 'minute', { timestamp: NOW }));
      expect(joined).toEqual([
        'bulk __proto__',
        'one __proto__',
        'bulk constructor',
        'one constructor',
      ]);
    });
  });

  countTests(ctx, fresh);
}

/** Counts add `value` (default 1; floats and negatives allowed), README "Types". */
function countTests(
  ctx: ReliabilityContext,
  fresh: (type: 'count') => ReturnType<ReliabilityContext['recorded']>['t'],
): void {
  const { expect } = ctx.api;
  const total = async (t: ReturnType<typeof fresh>, interval = 'minute') =>
    [...(await t.get('c', interval, { timestamp: NOW, condense: true }))][0]?.[1] as number;

  ctx.api.describe('counts round-trip', () => {
    ctx.test('large, negative and fractional counts', async () => {
      const big = 2 ** 53 - 1;
      const t = fresh('count');
      await t.insert('c', big, { timestamp: NOW });
      await t.insert('c', big, { timestamp: NOW });
      // 2^54 - 2 has 17 significant digits: INCRBYFLOAT keeps it exactly.
      expect(await total(t)).toBe(2 * big);
      const n = fresh('count');
      await n.insert('c', -5, { timestamp: NOW });
      await n.insert('c', undefined, { timestamp: NOW });
      await n.insert('c', 0.5, { timestamp: NOW });
      expect(await total(n)).toBe(-3.5);
      expect(await total(n, 'hour')).toBe(-3.5);
      // Numbers whose text has an exponent (`1e+21`, `1e-7`) are valid INCRBYFLOAT arguments.
      for (const value of [1e21, -1e300, 1e-7]) {
        const e = fresh('count');
        await e.insert('c', value, { timestamp: NOW });
        await e.insert('c', value, { timestamp: NOW });
        expect(await total(e)).toBe(2 * value);
      }
    });

    ctx.test(
      'floats summed one call at a time and in one bulk drift no more than doubles do',
      async () => {
        // Decimal values with at most 3 decimals: the exact total is an integer of thousandths.
        const values = Array.from(
          { length: 400 },
          (_, i) => [0.1, 0.2, -0.3, 1.001, 1e6, -999_999.999][i % 6] as number,
        );
        const exact = values.reduce((sum, v) => sum + BigInt(Math.round(v * 1000)), 0n);
        const expected = Number(exact) / 1000;
        // The error bound of n plain double additions; INCRBYFLOAT (long double) does better.
        const bound = values.length * Number.EPSILON * values.reduce((s, v) => s + Math.abs(v), 0);
        const one = fresh('count');
        for (const value of values) await one.insert('c', value, { timestamp: NOW });
        const bulk = fresh('count');
        await bulk.bulkInsert([[NOW, { c: values }]]);
        for (const t of [one, bulk]) {
          for (const interval of ['minute', 'hour']) {
            const got = await total(t, interval);
            expect(Math.abs(got - expected)).toBeLessThanOrEqual(bound);
          }
        }
      },
    );
  });
}
