import { Timeseries } from '@kairos/core';
import type { SuiteContext } from './context';
import { at, bucketOf, calendarBucket, NOW, startOf } from './model';

/** docs/ARCHITECTURE.md "Keys": the kairos-compatible layout, prefixes, hash tags, cluster drivers. */
export function keyLayoutTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const t1 = NOW + 125.5;

  ctx.api.describe('key layout', () => {
    ctx.test('coarse: <prefix><name>:<interval>:<bucket>, ":" appended to the prefix', async () => {
      const f = ctx.fresh({ type: 'series', prefix: 'app', intervals: { minute: { step: 60 } } });
      await f.t.insert('cpu', 'v', { timestamp: t1 });
      expect(f.prefix.endsWith('app:')).toBe(true);
      expect(await f.keys()).toEqual([`${f.name('cpu')}:minute:${bucketOf(t1, 60)}`]);
    });

    ctx.test('a prefix ending in ":" is used as given', async () => {
      const f = ctx.fresh({ type: 'series', prefix: 'app:', intervals: { minute: { step: 60 } } });
      await f.t.insert('cpu', 'v', { timestamp: t1 });
      expect(await f.keys()).toEqual([`${f.name('cpu')}:minute:${bucketOf(t1, 60)}`]);
      expect(f.prefix.endsWith('app:')).toBe(true);
      expect(f.prefix.endsWith('app::')).toBe(false);
    });

    ctx.test(
      'fine: the interval key is a SET of resolution ids, each resolution a key of its own',
      async () => {
        const f = ctx.fresh({
          type: 'series',
          intervals: { hour: { step: 3600, resolution: 60 } },
        });
        const t2 = t1 + 60;
        await f.t.insert('cpu', 'a', { timestamp: t1 });
        await f.t.insert('cpu', 'b', { timestamp: t2 });
        const iKey = `${f.name('cpu')}:hour:${bucketOf(t1, 3600)}`;
        const r1 = `${iKey}:${bucketOf(t1, 60)}`;
        const r2 = `${iKey}:${bucketOf(t2, 60)}`;
        expect(await f.keys()).toEqual([iKey, r1, r2].sort());
        const [members, first, second] = await ctx.raw([
          ['SMEMBERS', iKey],
          ['LRANGE', r1, 0, -1],
          ['LRANGE', r2, 0, -1],
        ]);
        expect([...(members as string[])].sort()).toEqual(
          [String(bucketOf(t1, 60)), String(bucketOf(t2, 60))].sort(),
        );
        expect(first).toEqual(['a']);
        expect(second).toEqual(['b']);
      },
    );

    ctx.test('calendar buckets are YYYYMMDD, YYYYWW (ISO), YYYYMM and YYYY, in UTC', async () => {
      const f = ctx.fresh({
        type: 'count',
        intervals: {
          d: { step: 'daily' },
          w: { step: 'weekly' },
          m: { step: 'monthly' },
          y: { step: 'yearly' },
        },
      });
      // 23:30 UTC on Sunday 2021-01-03: ISO week 53 of 2020, still the 3rd in UTC.
      const t = at('2021-01-03T23:30:00Z');
      await f.t.insert('hits', 1, { timestamp: t });
      expect(calendarBucket('weekly', t).id).toBe(202053);
      expect(await f.keys()).toEqual(
        [
          `${f.name('hits')}:d:20210103`,
          `${f.name('hits')}:w:202053`,
          `${f.name('hits')}:m:202101`,
          `${f.name('hits')}:y:2021`,
        ].sort(),
      );
    });

    ctx.test('times before 1970 use floor: bucket -1 starts at -step', async () => {
      const f = ctx.fresh({
        type: 'series',
        intervals: { minute: { step: 60 }, daily: { step: 'daily' } },
      });
      await f.t.insert('old', 'v', { timestamp: -30 });
      expect(await f.keys()).toEqual(
        [`${f.name('old')}:daily:19691231`, `${f.name('old')}:minute:-1`].sort(),
      );
      expect([...(await f.t.get('old', 'minute', { timestamp: -1 }))]).toEqual([[-60, ['v']]]);
      expect([...(await f.t.get('old', 'daily', { timestamp: -1 }))]).toEqual([[-86_400, ['v']]]);
    });

    ctx.test('hashTag: <prefix>{<name>}:… for coarse and fine keys', async () => {
      const f = ctx.fresh({
        type: 'series',
        hashTag: true,
        intervals: { minute: { step: 60 }, hour: { step: 3600, resolution: 60 } },
      });
      await f.t.insert('cpu', 'v', { timestamp: t1 });
      const hour = `${f.prefix}{cpu}:hour:${bucketOf(t1, 3600)}`;
      expect(await f.keys()).toEqual(
        [`${f.prefix}{cpu}:minute:${bucketOf(t1, 60)}`, hour, `${hour}:${bucketOf(t1, 60)}`].sort(),
      );
      expect([...(await f.t.get('cpu', 'minute', { timestamp: t1 }))]).toEqual([
        [startOf(t1, 60), ['v']],
      ]);
      expect(await f.t.list()).toEqual(['cpu']);
    });

    ctx.test('a cluster driver forces the hash-tag layout', async () => {
      const f = ctx.fresh({ type: 'count', cluster: true, intervals: { minute: { step: 60 } } });
      await f.t.insert('cpu', 2, { timestamp: t1 });
      expect(await f.keys()).toEqual([`${f.prefix}{cpu}:minute:${bucketOf(t1, 60)}`]);
      expect([...(await f.t.get('cpu', 'minute', { timestamp: t1 }))]).toEqual([
        [startOf(t1, 60), 2],
      ]);
      expect(await f.t.properties('cpu')).toEqual({
        minute: { first: startOf(t1, 60), last: startOf(t1, 60) },
      });
      expect(await f.t.delete('cpu')).toBe(1);
    });

    ctx.test("no prefix ('' or absent): keys start with the name", async () => {
      for (const prefix of ['', undefined]) {
        const name = ctx.uniquePrefix();
        const bare = new Timeseries(ctx.driver(), {
          type: 'series',
          intervals: { minute: { step: 60 } },
          ...(prefix === undefined ? {} : { prefix }),
        });
        await bare.insert(name, 'v', { timestamp: t1 });
        expect(await ctx.scanKeys(`*${name}*`)).toEqual([
          `${ctx.nameKey('', name)}:minute:${bucketOf(t1, 60)}`,
        ]);
        expect(await bare.delete(name)).toBe(1);
      }
    });
  });
}
