import { collect } from '../support/failure';
import type { SuiteContext } from './context';
import { NOW } from './model';

/** `iterate()`: every bucket from the first to the last holding data, as `get` returns it. */
export function iterateTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;

  ctx.api.describe('iterate', () => {
    ctx.test(
      'coarse: one pair per interval bucket from first to last, empty ones included',
      async () => {
        const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60 } } });
        await f.t.insert('c', 1, { timestamp: NOW - 120 });
        await f.t.insert('c', 4, { timestamp: NOW + 10 });
        expect(await collect(f.t.iterate('c', 'minute'))).toEqual([
          [NOW - 120, 1],
          [NOW - 60, 0],
          [NOW, 4],
        ]);
      },
    );

    ctx.test(
      'fine: one pair per resolution bucket with data; condensed, one per interval bucket',
      async () => {
        const f = ctx.fresh({
          type: 'series',
          intervals: { hour: { step: 3600, resolution: 60 } },
        });
        await f.t.insert('s', 'a', { timestamp: NOW - 3600 + 120 });
        await f.t.insert('s', 'b', { timestamp: NOW - 3600 + 60 });
        await f.t.insert('s', 'c', { timestamp: NOW + 3600 + 1 });
        expect(await collect(f.t.iterate('s', 'hour'))).toEqual([
          [NOW - 3600 + 60, ['b']],
          [NOW - 3600 + 120, ['a']],
          [NOW + 3600, ['c']],
        ]);
        expect(await collect(f.t.iterate('s', 'hour', { condense: true }))).toEqual([
          [NOW - 3600, ['b', 'a']],
          [NOW, []],
          [NOW + 3600, ['c']],
        ]);
      },
    );

    ctx.test('transforms apply per pair', async () => {
      const f = ctx.fresh({ type: 'series', read: Number, intervals: { minute: { step: 60 } } });
      await f.t.insert('s', [1, 3], { timestamp: NOW });
      await f.t.insert('s', [10], { timestamp: NOW + 60 });
      expect(await collect(f.t.iterate('s', 'minute', { transform: 'mean' }))).toEqual([
        [NOW, 2],
        [NOW + 60, 10],
      ]);
    });

    ctx.test('a name without data yields nothing', async () => {
      const f = ctx.fresh({ type: 'series', intervals: { minute: { step: 60 } } });
      expect(await collect(f.t.iterate('nothing', 'minute'))).toEqual([]);
    });

    ctx.test('calendar: month by month across a year end', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { month: { step: 'monthly' } } });
      await f.t.insert('m', 1, { timestamp: Date.UTC(2024, 10, 15) / 1000 });
      await f.t.insert('m', 2, { timestamp: Date.UTC(2025, 0, 31, 23, 59) / 1000 });
      expect(await collect(f.t.iterate('m', 'month'))).toEqual([
        [Date.UTC(2024, 10, 1) / 1000, 1],
        [Date.UTC(2024, 11, 1) / 1000, 0],
        [Date.UTC(2025, 0, 1) / 1000, 2],
      ]);
    });
  });
}
