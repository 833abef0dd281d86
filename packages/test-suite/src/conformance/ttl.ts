import type { SuiteContext } from './context';
import { bucketOf, calendarBucket, NOW } from './model';

/**
 * TTLs (`steps`) and the skipping of writes older than `steps` intervals. Expected TTLs come
 * from the clock: a bucket `b` written when "now" is in bucket `n` lives `(steps + b - n)`
 * intervals; at or below 0 the write is skipped. The clock sits on a bucket start so the
 * expected value is exact; Redis may have ticked a second or two by the time TTL is read.
 */
export function ttlTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const ttlOf = async (key: string) => (await ctx.raw([['TTL', key]]))[0] as number;
  const near = (actual: number, expected: number) => {
    expect(actual).toBeLessThanOrEqual(expected);
    expect(actual).toBeGreaterThanOrEqual(expected - 2);
  };

  ctx.api.describe('ttl and steps', () => {
    ctx.test('no steps: no TTL', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60 } } });
      await f.t.insert('c', 1, { timestamp: NOW - 86_400 * 365 });
      const [key] = await f.keys();
      expect(await ttlOf(key as string)).toBe(-1);
    });

    if (!ctx.features.ttl) return;

    ctx.test(
      'coarse: EXPIRE (steps + b - n) × step for the current, past and future buckets',
      async () => {
        const f = ctx.fresh({ type: 'series', intervals: { minute: { step: 60, steps: 10 } } });
        const n = bucketOf(NOW, 60);
        for (const offset of [0, -3, 2]) {
          await f.t.insert('s', 'v', { timestamp: NOW + offset * 60 + 30 });
          near(await ttlOf(`${f.name('s')}:minute:${n + offset}`), (10 + offset) * 60);
        }
      },
    );

    ctx.test('fine: the interval SET and its resolution keys get the same TTL', async () => {
      const f = ctx.fresh({
        type: 'count',
        intervals: { hour: { step: 3600, resolution: 60, steps: 3 } },
      });
      await f.t.insert('c', 1, { timestamp: NOW - 3600 + 61 });
      const iKey = `${f.name('c')}:hour:${bucketOf(NOW, 3600) - 1}`;
      near(await ttlOf(iKey), 2 * 3600);
      near(await ttlOf(`${iKey}:${bucketOf(NOW - 3600 + 61, 60)}`), 2 * 3600);
    });

    ctx.test('every type sets the TTL', async () => {
      for (const type of ['series', 'histogram', 'count', 'gauge', 'set'] as const) {
        const f = ctx.fresh({ type, intervals: { minute: { step: 60, steps: 4 } } });
        await f.t.insert('x', 1, { timestamp: NOW });
        near(await ttlOf(`${f.name('x')}:minute:${bucketOf(NOW, 60)}`), 4 * 60);
      }
    });

    ctx.test('bulkInsert sets the TTL of every key it writes', async () => {
      const f = ctx.fresh({ type: 'set', intervals: { minute: { step: 60, steps: 5 } } });
      await f.t.bulkInsert([
        [NOW - 60, { a: ['1'], b: ['2'] }],
        [NOW, { a: ['3'] }],
      ]);
      const n = bucketOf(NOW, 60);
      near(await ttlOf(`${f.name('a')}:minute:${n - 1}`), 4 * 60);
      near(await ttlOf(`${f.name('b')}:minute:${n - 1}`), 4 * 60);
      near(await ttlOf(`${f.name('a')}:minute:${n}`), 5 * 60);
    });

    ctx.test('TTL follows the clock: the same write later gets a shorter TTL', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60, steps: 10 } } });
      f.clock.set(NOW + 4 * 60);
      await f.t.insert('c', 1, { timestamp: NOW });
      near(await ttlOf(`${f.name('c')}:minute:${bucketOf(NOW, 60)}`), 6 * 60);
    });

    ctx.test(
      'an unaligned clock: the TTL lies within the last step of the bucket’s life',
      async () => {
        const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60, steps: 3 } } });
        f.clock.set(NOW + 60 + 25);
        await f.t.insert('c', 1, { timestamp: NOW });
        const ttl = await ttlOf(`${f.name('c')}:minute:${bucketOf(NOW, 60)}`);
        expect(ttl).toBeGreaterThanOrEqual(60 - 2);
        expect(ttl).toBeLessThanOrEqual(2 * 60);
      },
    );

    ctx.test('daily steps: whole days from the clock', async () => {
      const f = ctx.fresh({ type: 'series', intervals: { day: { step: 'daily', steps: 7 } } });
      await f.t.insert('d', 'v', { timestamp: NOW - 86_400 * 2 + 5 });
      near(
        await ttlOf(`${f.name('d')}:day:${calendarBucket('daily', NOW - 86_400 * 2).id}`),
        5 * 86_400,
      );
    });

    ctx.test('monthly steps: a TTL between the shortest and longest months', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { month: { step: 'monthly', steps: 2 } } });
      await f.t.insert('m', 1, { timestamp: NOW });
      const ttl = await ttlOf(`${f.name('m')}:month:${calendarBucket('monthly', NOW).id}`);
      expect(ttl).toBeLessThanOrEqual(2 * 31 * 86_400);
      expect(ttl).toBeGreaterThanOrEqual(
        2 * 28 * 86_400 - (NOW - calendarBucket('monthly', NOW).start) - 2,
      );
    });
  });
}
