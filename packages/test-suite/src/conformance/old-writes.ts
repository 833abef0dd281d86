import type { SuiteContext } from './context';
import { bucketOf, NOW } from './model';

/** Writes into a bucket already `steps` or more intervals old are skipped, per interval. */
export function oldWriteTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;

  ctx.api.describe('writes older than steps', () => {
    ctx.test('a bucket steps intervals old is skipped; one step younger is written', async () => {
      const f = ctx.fresh({ type: 'series', intervals: { minute: { step: 60, steps: 3 } } });
      await f.t.insert('s', 'too old', { timestamp: NOW - 3 * 60 + 59 });
      await f.t.insert('s', 'far too old', { timestamp: NOW - 86_400 });
      await f.t.insert('s', 'kept', { timestamp: NOW - 2 * 60 });
      expect(await f.keys()).toEqual([`${f.name('s')}:minute:${bucketOf(NOW, 60) - 2}`]);
      expect([...(await f.t.series('s', 'minute'))]).toEqual([
        [NOW - 120, ['kept']],
        [NOW - 60, []],
        [NOW, []],
      ]);
    });

    ctx.test(
      'the decision is per interval: an interval without steps still gets the write',
      async () => {
        const f = ctx.fresh({
          type: 'count',
          intervals: { minute: { step: 60, steps: 2 }, hour: { step: 3600, resolution: 60 } },
        });
        const old = NOW - 600;
        await f.t.insert('c', 5, { timestamp: old });
        const hourKey = `${f.name('c')}:hour:${bucketOf(old, 3600)}`;
        expect(await f.keys()).toEqual([hourKey, `${hourKey}:${bucketOf(old, 60)}`].sort());
      },
    );

    ctx.test('a skipped fine bucket writes neither its SET nor its resolution key', async () => {
      const f = ctx.fresh({
        type: 'set',
        intervals: { hour: { step: 3600, resolution: 60, steps: 1 } },
      });
      await f.t.insert('z', 'x', { timestamp: NOW - 1 });
      expect(await f.keys()).toEqual([]);
      await f.t.insert('z', 'y', { timestamp: NOW });
      expect((await f.keys()).length).toBe(2);
    });

    ctx.test('bulkInsert skips only the old entries', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60, steps: 2 } } });
      await f.t.bulkInsert([
        [NOW - 120, { c: [1] }],
        [NOW - 60, { c: [2] }],
        [NOW, { c: [4] }],
      ]);
      expect([...(await f.t.series('c', 'minute'))]).toEqual([
        [NOW - 60, 2],
        [NOW, 4],
      ]);
    });

    ctx.test('"now" is the clock: moving it makes a bucket too old', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60, steps: 2 } } });
      await f.t.insert('c', 1, { timestamp: NOW });
      f.clock.advance(120);
      await f.t.insert('c', 1, { timestamp: NOW });
      expect((await f.t.get('c', 'minute', { timestamp: NOW })).get(NOW)).toBe(1);
    });

    ctx.test('future buckets are written', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60, steps: 2 } } });
      await f.t.insert('c', 1, { timestamp: NOW + 3600 });
      expect((await f.t.get('c', 'minute', { timestamp: NOW + 3600 })).get(NOW + 3600)).toBe(1);
    });
  });
}
