import type { SuiteContext } from './context';
import { calendarBucket, NOW } from './model';

/** `list()` and `properties()` (README "Reading", docs/ARCHITECTURE.md "Keys"). */
export function metadataTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const intervals = {
    minute: { step: 60 },
    hour: { step: 3600, resolution: 60 },
    day: { step: 'daily' },
  };

  ctx.api.describe('list and properties', () => {
    ctx.test('list: sorted names that have data', async () => {
      const f = ctx.fresh({ type: 'series', intervals });
      expect(await f.t.list()).toEqual([]);
      for (const name of ['zeta', 'alpha', 'Mid', 'a*b', 'x?y', 'b[1]'])
        await f.t.insert(name, 'v', { timestamp: NOW });
      expect(await f.t.list()).toEqual(['Mid', 'a*b', 'alpha', 'b[1]', 'x?y', 'zeta']);
    });

    ctx.test('list ignores keys of intervals that are not configured', async () => {
      const f = ctx.fresh({ type: 'series', intervals });
      await ctx.raw([['RPUSH', `${f.name('ghost')}:unknown:1`, 'v']]);
      await f.t.insert('real', 'v', { timestamp: NOW });
      expect(await f.t.list()).toEqual(['real']);
    });

    ctx.test('properties: first and last bucket start per interval holding data', async () => {
      const f = ctx.fresh({ type: 'count', intervals });
      const early = NOW - 2 * 86_400 + 3600 + 59;
      const late = NOW + 7200 + 1;
      await f.t.insert('p', 1, { timestamp: late });
      await f.t.insert('p', 1, { timestamp: early });
      await f.t.insert('p', 1, { timestamp: NOW });
      expect(await f.t.properties('p')).toEqual({
        minute: { first: Math.floor(early / 60) * 60, last: Math.floor(late / 60) * 60 },
        hour: { first: Math.floor(early / 3600) * 3600, last: Math.floor(late / 3600) * 3600 },
        day: {
          first: calendarBucket('daily', early).start,
          last: calendarBucket('daily', late).start,
        },
      });
    });

    ctx.test('properties of a name without data is empty', async () => {
      const f = ctx.fresh({ type: 'count', intervals });
      expect(await f.t.properties('none')).toEqual({});
    });

    ctx.test('properties matches the name exactly (a*, a?, names sharing a start)', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60 } } });
      await f.t.insert('ab', 1, { timestamp: NOW - 60 });
      await f.t.insert('a', 1, { timestamp: NOW });
      await f.t.insert('a*', 1, { timestamp: NOW + 60 });
      expect(await f.t.properties('a')).toEqual({ minute: { first: NOW, last: NOW } });
      expect(await f.t.properties('a*')).toEqual({ minute: { first: NOW + 60, last: NOW + 60 } });
      expect(await f.t.properties('a?')).toEqual({});
    });
  });
}
