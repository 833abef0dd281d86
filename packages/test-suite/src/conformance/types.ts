import type { SuiteContext } from './context';
import { NOW, startOf } from './model';

/** README "Types": each type written and read back, coarse. */
export function typeTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const minute = { minute: { step: 60 } };
  const t = NOW + 90;
  const bucket = startOf(t, 60);

  ctx.api.describe('types (coarse)', () => {
    ctx.test('series: values in arrival order, duplicates kept, strings without read', async () => {
      const f = ctx.fresh({ type: 'series', intervals: minute });
      await f.t.insert('s', 'b', { timestamp: t });
      await f.t.insert('s', 1, { timestamp: t + 1 });
      await f.t.insert('s', 'b', { timestamp: t + 2 });
      expect([...(await f.t.get('s', 'minute', { timestamp: t }))]).toEqual([
        [bucket, ['b', '1', 'b']],
      ]);
    });

    ctx.test('histogram: a count per distinct value', async () => {
      const f = ctx.fresh({ type: 'histogram', intervals: minute });
      for (const v of ['x', 'y', 'x', 'x']) await f.t.insert('h', v, { timestamp: t });
      expect([...(await f.t.get('h', 'minute', { timestamp: t }))]).toEqual([
        [
          bucket,
          new Map([
            ['x', 3],
            ['y', 1],
          ]),
        ],
      ]);
    });

    ctx.test(
      'count: adds the value (default 1, floats and negatives allowed), always a number',
      async () => {
        const f = ctx.fresh({ type: 'count', intervals: minute });
        await f.t.insert('c', undefined, { timestamp: t });
        await f.t.insert('c', 4, { timestamp: t });
        await f.t.insert('c', -2, { timestamp: t });
        await f.t.insert('c', 0.25, { timestamp: t });
        await f.t.insert('c', 0.5, { timestamp: t });
        expect([...(await f.t.get('c', 'minute', { timestamp: t }))]).toEqual([
          [bucket, 1 + 4 - 2 + 0.25 + 0.5],
        ]);
      },
    );

    ctx.test(
      'count: integers added onto a fractional total, and back to a whole total',
      async () => {
        const f = ctx.fresh({ type: 'count', intervals: minute });
        await f.t.insert('c', 0.5, { timestamp: t });
        await f.t.insert('c', 1, { timestamp: t });
        expect((await f.t.get('c', 'minute', { timestamp: t })).get(bucket)).toBe(1.5);
        await f.t.insert('c', 0.5, { timestamp: t });
        await f.t.insert('c', 2, { timestamp: t });
        expect((await f.t.get('c', 'minute', { timestamp: t })).get(bucket)).toBe(4);
      },
    );

    ctx.test('count: a whole total stays an integer', async () => {
      const f = ctx.fresh({ type: 'count', intervals: minute });
      await f.t.insert('c', 3, { timestamp: t });
      await f.t.insert('c', 2, { timestamp: t });
      const value = (await f.t.get('c', 'minute', { timestamp: t })).get(bucket);
      expect(value).toBe(5);
    });

    ctx.test('gauge: the last write wins', async () => {
      const f = ctx.fresh({ type: 'gauge', intervals: minute });
      await f.t.insert('g', 'first', { timestamp: t });
      await f.t.insert('g', 'second', { timestamp: t - 30 });
      expect([...(await f.t.get('g', 'minute', { timestamp: t }))]).toEqual([[bucket, 'second']]);
    });

    ctx.test('set: distinct values', async () => {
      const f = ctx.fresh({ type: 'set', intervals: minute });
      await f.t.insert('z', ['a', 'b', 'a'], { timestamp: t });
      await f.t.insert('z', 'c', { timestamp: t });
      expect([...(await f.t.get('z', 'minute', { timestamp: t }))]).toEqual([
        [bucket, new Set(['a', 'b', 'c'])],
      ]);
    });

    ctx.test('empty buckets: [], empty Map, 0, null, empty Set', async () => {
      const empty = async (type: 'series' | 'histogram' | 'count' | 'gauge' | 'set') => [
        ...(await ctx.fresh({ type, intervals: minute }).t.get('none', 'minute', { timestamp: t })),
      ];
      expect(await empty('series')).toEqual([[bucket, []]]);
      expect(await empty('histogram')).toEqual([[bucket, new Map()]]);
      expect(await empty('count')).toEqual([[bucket, 0]]);
      expect(await empty('gauge')).toEqual([[bucket, null]]);
      expect(await empty('set')).toEqual([[bucket, new Set()]]);
    });

    ctx.test('an empty gauge is null even with read (read is not applied to nothing)', async () => {
      const calls: string[] = [];
      const f = ctx.fresh({
        type: 'gauge',
        intervals: minute,
        read: (raw: string) => {
          calls.push(raw);
          return Number(raw);
        },
      });
      expect([...(await f.t.get('none', 'minute', { timestamp: t }))]).toEqual([[bucket, null]]);
      expect(calls).toEqual([]);
    });

    ctx.test('read is applied to every value read back', async () => {
      const s = ctx.fresh({ type: 'series', read: Number, intervals: minute });
      const h = ctx.fresh({ type: 'histogram', read: Number, intervals: minute });
      const g = ctx.fresh({ type: 'gauge', read: Number, intervals: minute });
      const z = ctx.fresh({ type: 'set', read: Number, intervals: minute });
      for (const f of [s, h, g, z]) await f.t.insert('n', [2, 1.5, 2], { timestamp: t });
      expect((await s.t.get('n', 'minute', { timestamp: t })).get(bucket)).toEqual([2, 1.5, 2]);
      expect((await h.t.get('n', 'minute', { timestamp: t })).get(bucket)).toEqual(
        new Map([
          [2, 2],
          [1.5, 1],
        ]),
      );
      expect((await g.t.get('n', 'minute', { timestamp: t })).get(bucket)).toBe(2);
      expect((await z.t.get('n', 'minute', { timestamp: t })).get(bucket)).toEqual(
        new Set([2, 1.5]),
      );
    });

    ctx.test('write is applied to every value written', async () => {
      const f = ctx.fresh({
        type: 'series',
        intervals: minute,
        write: (v: { id: number }) => `id-${v.id}`,
      });
      await f.t.insert('w', { id: 7 }, { timestamp: t });
      await f.t.insert('w', [{ id: 8 }, { id: 9 }], { timestamp: t });
      await f.t.bulkInsert([[t, { w: [{ id: 10 }] }]]);
      expect((await f.t.get('w', 'minute', { timestamp: t })).get(bucket)).toEqual([
        'id-7',
        'id-8',
        'id-9',
        'id-10',
      ]);
    });

    ctx.test('values round-trip byte for byte (unicode, spaces, empty string)', async () => {
      const values = ['héllo wörld', '日本語', '🙂', ' padded ', '', 'a:b{c}'];
      const f = ctx.fresh({ type: 'series', intervals: minute });
      await f.t.insert('u', values, { timestamp: t });
      expect((await f.t.get('u', 'minute', { timestamp: t })).get(bucket)).toEqual(values);
      const z = ctx.fresh({ type: 'histogram', intervals: minute });
      await z.t.insert('u', values, { timestamp: t });
      expect((await z.t.get('u', 'minute', { timestamp: t })).get(bucket)).toEqual(
        new Map(values.map((v) => [v, 1])),
      );
    });
  });
}
