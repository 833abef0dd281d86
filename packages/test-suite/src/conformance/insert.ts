import type { SuiteContext } from './context';
import { NOW } from './model';

/** `insert()`: values, arrays, timestamps, and `intervals: ±N` (kairos "fast trending"). */
export function insertTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const minute = { minute: { step: 60 } };

  ctx.api.describe('insert', () => {
    ctx.test('without a timestamp: now, by the clock', async () => {
      const f = ctx.fresh({ type: 'series', intervals: minute });
      f.clock.set(NOW + 3600 + 59.5);
      await f.t.insert('s', 'v');
      expect([...(await f.t.get('s', 'minute'))]).toEqual([[NOW + 3600, ['v']]]);
    });

    ctx.test('timestamps: fractional seconds and Dates', async () => {
      const f = ctx.fresh({ type: 'series', intervals: minute });
      await f.t.insert('s', 'a', { timestamp: NOW + 59.999 });
      await f.t.insert('s', 'b', { timestamp: new Date((NOW + 60) * 1000) });
      await f.t.insert('s', 'c', { timestamp: new Date((NOW + 30) * 1000) });
      expect([...(await f.t.series('s', 'minute', { start: NOW, end: NOW + 60 }))]).toEqual([
        [NOW, ['a', 'c']],
        [NOW + 60, ['b']],
      ]);
      expect([...(await f.t.get('s', 'minute', { timestamp: new Date(NOW * 1000) }))]).toEqual([
        [NOW, ['a', 'c']],
      ]);
    });

    ctx.test(
      'concurrent inserts of one name land in call order, across shared pipelines',
      async () => {
        const f = ctx.fresh({ type: 'series', read: Number, intervals: minute });
        // Far more than one shared pipeline holds, with other names in between.
        const values = Array.from({ length: 300 }, (_, i) => i);
        await Promise.all(
          values.flatMap((v) => [
            f.t.insert('s', v, { timestamp: NOW }),
            f.t.insert(`other${v % 7}`, v, { timestamp: NOW }),
          ]),
        );
        expect((await f.t.get('s', 'minute', { timestamp: NOW })).get(NOW)).toEqual(values);
      },
    );

    ctx.test('an array value is a bulk insert of each', async () => {
      const f = ctx.fresh({ type: 'count', intervals: minute });
      await f.t.insert('c', [1, 2, 3.5], { timestamp: NOW });
      expect((await f.t.get('c', 'minute', { timestamp: NOW })).get(NOW)).toBe(6.5);
    });

    ctx.test('every configured interval is written', async () => {
      const f = ctx.fresh({
        type: 'count',
        intervals: {
          minute: { step: 60 },
          hour: { step: '1h' },
          day: { step: 'daily', resolution: 3600 },
        },
      });
      await f.t.insert('c', 2, { timestamp: NOW + 3661 });
      expect((await f.t.get('c', 'minute', { timestamp: NOW + 3661 })).get(NOW + 3660)).toBe(2);
      expect((await f.t.get('c', 'hour', { timestamp: NOW + 3661 })).get(NOW + 3600)).toBe(2);
      expect([...(await f.t.get('c', 'day', { timestamp: NOW }))]).toEqual([[NOW + 3600, 2]]);
    });

    ctx.test('intervals: N > 0 also writes the N buckets after', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60, steps: 10 } } });
      await f.t.insert('c', 1, { timestamp: NOW - 240 + 7, intervals: 2 });
      expect([...(await f.t.series('c', 'minute', { start: NOW - 300, end: NOW }))]).toEqual([
        [NOW - 300, 0],
        [NOW - 240, 1],
        [NOW - 180, 1],
        [NOW - 120, 1],
        [NOW - 60, 0],
        [NOW, 0],
      ]);
    });

    ctx.test('intervals: N < 0 also writes the N buckets before', async () => {
      const f = ctx.fresh({
        type: 'series',
        intervals: { minute: { step: 60 }, day: { step: 'daily' } },
      });
      await f.t.insert('s', 'v', { timestamp: NOW + 5, intervals: -2 });
      expect([...(await f.t.series('s', 'minute', { start: NOW - 180, end: NOW + 60 }))]).toEqual([
        [NOW - 180, []],
        [NOW - 120, ['v']],
        [NOW - 60, ['v']],
        [NOW, ['v']],
        [NOW + 60, []],
      ]);
      const days = await f.t.series('s', 'day', { start: NOW - 2 * 86_400, end: NOW });
      expect([...days.values()]).toEqual([['v'], ['v'], ['v']]);
    });

    ctx.test('intervals: ±N on a fine interval writes each interval bucket', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { hour: { step: 3600, resolution: 60 } } });
      await f.t.insert('c', 3, { timestamp: NOW + 1800, intervals: 1 });
      const hours = await f.t.series('c', 'hour', { start: NOW, end: NOW + 3600, condense: true });
      expect([...hours]).toEqual([
        [NOW, 3],
        [NOW + 3600, 3],
      ]);
    });

    ctx.test('a shifted bucket older than steps is skipped like any other write', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60, steps: 2 } } });
      await f.t.insert('c', 1, { timestamp: NOW, intervals: -3 });
      expect([...(await f.t.series('c', 'minute', { start: NOW - 180, end: NOW }))]).toEqual([
        [NOW - 180, 0],
        [NOW - 120, 0],
        [NOW - 60, 1],
        [NOW, 1],
      ]);
    });
  });
}
