import type { SuiteContext } from './context';
import { NOW } from './model';

/** Joined names (`names[]`): merged per bucket per type, in name order. */
export function joinTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const coarse = { minute: { step: 60 } };
  const fine = { hour: { step: 3600, resolution: 60 } };
  const t = NOW + 5;

  ctx.api.describe('joined names', () => {
    ctx.test('series concatenate in name order; histograms, counts add; sets union', async () => {
      const s = ctx.fresh({ type: 'series', intervals: coarse });
      const h = ctx.fresh({ type: 'histogram', intervals: coarse });
      const c = ctx.fresh({ type: 'count', intervals: coarse });
      const z = ctx.fresh({ type: 'set', intervals: coarse });
      for (const f of [s, h, z]) {
        await f.t.insert('b', ['1', '2'], { timestamp: t });
        await f.t.insert('a', ['2', '3'], { timestamp: t });
      }
      await c.t.insert('b', 2.5, { timestamp: t });
      await c.t.insert('a', 4, { timestamp: t });
      const opts = { timestamp: t };
      expect((await s.t.get(['a', 'b', 'missing'], 'minute', opts)).get(NOW)).toEqual([
        '2',
        '3',
        '1',
        '2',
      ]);
      expect((await s.t.get(['b', 'a'], 'minute', opts)).get(NOW)).toEqual(['1', '2', '2', '3']);
      expect((await h.t.get(['a', 'b'], 'minute', opts)).get(NOW)).toEqual(
        new Map([
          ['1', 1],
          ['2', 2],
          ['3', 1],
        ]),
      );
      expect((await c.t.get(['a', 'b', 'missing'], 'minute', opts)).get(NOW)).toBe(6.5);
      expect((await z.t.get(['a', 'b'], 'minute', opts)).get(NOW)).toEqual(
        new Set(['1', '2', '3']),
      );
    });

    ctx.test('gauges take the last non-null value in name order, 0 and "" included', async () => {
      const g = ctx.fresh({ type: 'gauge', intervals: coarse });
      await g.t.insert('a', 'x', { timestamp: t });
      await g.t.insert('b', '', { timestamp: t });
      const opts = { timestamp: t };
      expect((await g.t.get(['a', 'b'], 'minute', opts)).get(NOW)).toBe('');
      expect((await g.t.get(['b', 'a'], 'minute', opts)).get(NOW)).toBe('x');
      expect((await g.t.get(['a', 'missing'], 'minute', opts)).get(NOW)).toBe('x');
      expect((await g.t.get(['missing', 'other'], 'minute', opts)).get(NOW)).toBe(null);
      const n = ctx.fresh({ type: 'gauge', read: Number, intervals: coarse });
      await n.t.insert('a', 9, { timestamp: t });
      await n.t.insert('b', 0, { timestamp: t });
      expect((await n.t.get(['a', 'b'], 'minute', opts)).get(NOW)).toBe(0);
    });

    ctx.test('fine: names merge per resolution bucket (union of buckets)', async () => {
      const f = ctx.fresh({ type: 'count', intervals: fine });
      await f.t.insert('a', 1, { timestamp: NOW + 60 });
      await f.t.insert('b', 2, { timestamp: NOW + 60 });
      await f.t.insert('b', 5, { timestamp: NOW + 180 });
      await f.t.insert('a', 7, { timestamp: NOW });
      expect([...(await f.t.get(['a', 'b'], 'hour', { timestamp: NOW }))]).toEqual([
        [NOW, 7],
        [NOW + 60, 3],
        [NOW + 180, 5],
      ]);
      expect([...(await f.t.get(['a', 'b'], 'hour', { timestamp: NOW, condense: true }))]).toEqual([
        [NOW, 15],
      ]);
    });

    ctx.test('joined series() over a range, coarse and fine', async () => {
      const f = ctx.fresh({ type: 'series', intervals: { ...coarse, ...fine } });
      await f.t.insert('a', 'a1', { timestamp: NOW - 60 });
      await f.t.insert('b', 'b1', { timestamp: NOW - 60 });
      await f.t.insert('b', 'b2', { timestamp: NOW });
      expect([...(await f.t.series(['a', 'b'], 'minute', { end: NOW, steps: 2 }))]).toEqual([
        [NOW - 60, ['a1', 'b1']],
        [NOW, ['b2']],
      ]);
      const hours = await f.t.series(['a', 'b'], 'hour', { start: NOW - 3600, end: NOW });
      expect([...hours.keys()]).toEqual([NOW - 3600, NOW]);
      expect(hours.get(NOW - 3600)).toEqual(new Map([[NOW - 60, ['a1', 'b1']]]));
      expect(hours.get(NOW)).toEqual(new Map([[NOW, ['b2']]]));
    });

    ctx.test(
      'gauges, joined then condensed: per resolution bucket first, then the last non-null',
      async () => {
        const f = ctx.fresh({ type: 'gauge', read: Number, intervals: fine });
        await f.t.insert('a', 1, { timestamp: NOW + 60 });
        await f.t.insert('b', 0, { timestamp: NOW + 60 });
        await f.t.insert('a', 5, { timestamp: NOW });
        expect([
          ...(await f.t.get(['a', 'b'], 'hour', { timestamp: NOW, condense: true })),
        ]).toEqual([[NOW, 0]]);
      },
    );
  });
}
