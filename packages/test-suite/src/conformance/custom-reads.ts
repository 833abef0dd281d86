import type { Reply } from '@kairos/core';
import type { SuiteContext } from './context';
import { bucketOf, NOW } from './model';

/** Custom reads (README "Custom reads and errors"): `fetch`, `processRow`, `joinRows`. */
export function customReadTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const t = NOW + 61;

  ctx.api.describe('custom reads', () => {
    ctx.test(
      'fetch replaces the read command of each bucket key; processRow gets its raw reply',
      async () => {
        const f = ctx.fresh({ type: 'series', intervals: { minute: { step: 60, steps: 2 } } });
        await f.t.insert('s', ['a', 'b', 'c'], { timestamp: t });
        const fetched: string[] = [];
        const result = await f.t.series('s', 'minute', {
          end: t,
          fetch: (key: string) => {
            fetched.push(key);
            return ['LLEN', key];
          },
          processRow: (reply: Reply) => reply as number,
        });
        const key = (bucket: number) => `${f.name('s')}:minute:${bucket}`;
        expect(fetched.sort()).toEqual([key(bucketOf(t, 60) - 1), key(bucketOf(t, 60))].sort());
        expect([...result]).toEqual([
          [NOW, 0],
          [NOW + 60, 3],
        ]);
      },
    );

    ctx.test('on a fine interval, fetch reads the resolution keys', async () => {
      const f = ctx.fresh({
        type: 'histogram',
        intervals: { hour: { step: 3600, resolution: 60 } },
      });
      await f.t.insert('h', ['x', 'x', 'y'], { timestamp: t });
      const fetched: string[] = [];
      const result = await f.t.get('h', 'hour', {
        timestamp: t,
        fetch: (key: string) => {
          fetched.push(key);
          return ['HLEN', key];
        },
        processRow: (reply: Reply) => reply as number,
      });
      expect(fetched).toEqual([`${f.name('h')}:hour:${bucketOf(t, 3600)}:${bucketOf(t, 60)}`]);
      expect([...result]).toEqual([[NOW + 60, 2]]);
    });

    ctx.test(
      'processRow alone receives the raw reply of the default read (flat HGETALL)',
      async () => {
        const f = ctx.fresh({ type: 'histogram', intervals: { minute: { step: 60 } } });
        await f.t.insert('h', ['x', 'x'], { timestamp: t });
        const replies: Reply[] = [];
        await f.t.get('h', 'minute', {
          timestamp: t,
          processRow: (reply: Reply) => {
            replies.push(reply);
            return new Map();
          },
        });
        expect(replies).toEqual([['x', '2']]);
      },
    );

    ctx.test('processRow replaces decoding and read', async () => {
      const f = ctx.fresh({ type: 'series', read: Number, intervals: { minute: { step: 60 } } });
      await f.t.insert('s', [1, 2], { timestamp: t });
      const result = await f.t.get('s', 'minute', {
        timestamp: t,
        processRow: (reply: Reply) => (reply as string[]).map((v) => `raw:${v}`),
      });
      expect([...result]).toEqual([[NOW + 60, ['raw:1', 'raw:2']]]);
    });

    ctx.test('joinRows replaces the join of names and sees each name’s row in order', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60 } } });
      await f.t.insert('a', 2, { timestamp: t });
      await f.t.insert('b', 5, { timestamp: t });
      const seen: unknown[] = [];
      const result = await f.t.get(['b', 'a'], 'minute', {
        timestamp: t,
        joinRows: (rows: (number | undefined)[]) => {
          seen.push(rows);
          return Math.max(...rows.map((r) => r ?? 0));
        },
      });
      expect(seen).toEqual([[5, 2]]);
      expect([...result]).toEqual([[NOW + 60, 5]]);
    });

    ctx.test(
      'joinRows on a fine interval: undefined for a name without that resolution row',
      async () => {
        const f = ctx.fresh({ type: 'count', intervals: { hour: { step: 3600, resolution: 60 } } });
        await f.t.insert('a', 1, { timestamp: NOW });
        await f.t.insert('b', 2, { timestamp: NOW + 60 });
        const seen: unknown[] = [];
        const result = await f.t.get(['a', 'b'], 'hour', {
          timestamp: NOW,
          joinRows: (rows: (number | undefined)[]) => {
            seen.push(rows);
            return rows.filter((r) => r !== undefined).length;
          },
        });
        expect(seen).toEqual([
          [1, undefined],
          [undefined, 2],
        ]);
        expect([...result]).toEqual([
          [NOW, 1],
          [NOW + 60, 1],
        ]);
      },
    );

    ctx.test('transforms run on what processRow returned', async () => {
      const f = ctx.fresh({ type: 'series', intervals: { minute: { step: 60 } } });
      await f.t.insert('s', ['a', 'bb', 'ccc'], { timestamp: t });
      const result = await f.t.get('s', 'minute', {
        timestamp: t,
        processRow: (reply: Reply) => (reply as string[]).map((v) => v.length),
        transform: 'sum',
      });
      expect([...result]).toEqual([[NOW + 60, 6]]);
    });
  });
}
