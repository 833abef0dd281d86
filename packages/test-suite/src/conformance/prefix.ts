import { Timeseries } from '@kairos/core';
import type { SuiteContext } from './context';
import { escapeGlob, NOW } from './model';

/** Prefixes isolate applications: one's list, reads and deletes never touch another's keys. */
export function prefixTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const intervals = { minute: { step: 60 } };
  const at = (prefix: string) =>
    new Timeseries(ctx.driver(), { type: 'count', intervals, prefix, clock: () => NOW });

  ctx.api.describe('prefixes', () => {
    ctx.test('app and app2 do not see each other', async () => {
      const base = ctx.uniquePrefix();
      const a = at(`${base}app`);
      const b = at(`${base}app2`);
      await a.insert('n', 1);
      await b.insert('n', 10);
      await b.insert('only2', 1);
      expect(await a.list()).toEqual(['n']);
      expect(await b.list()).toEqual(['n', 'only2']);
      expect((await a.get('n', 'minute')).get(NOW)).toBe(1);
      expect(await a.properties('only2')).toEqual({});
      expect(await a.deleteAll()).toBe(1);
      expect(await b.list()).toEqual(['n', 'only2']);
      expect(await ctx.scanKeys(`${escapeGlob(base)}*`)).toEqual(
        [
          `${ctx.nameKey(`${base}app2:`, 'n')}:minute:${NOW / 60}`,
          `${ctx.nameKey(`${base}app2:`, 'only2')}:minute:${NOW / 60}`,
        ].sort(),
      );
      expect(await b.deleteAll()).toBe(2);
    });

    ctx.test('glob characters in a prefix are literal (x* reaches neither xy nor x?)', async () => {
      const base = ctx.uniquePrefix();
      const star = at(`${base}x*`);
      const others = [at(`${base}xy`), at(`${base}x?`), at(`${base}x[*]`)];
      await star.insert('mine', 1);
      for (const other of others) await other.insert('theirs', 1);
      expect(await star.list()).toEqual(['mine']);
      expect(await star.properties('theirs')).toEqual({});
      expect(await star.deleteAll()).toBe(1);
      for (const other of others) expect(await other.list()).toEqual(['theirs']);
      expect((await ctx.scanKeys(`${escapeGlob(base)}*`)).length).toBe(3);
      for (const other of others) await other.deleteAll();
    });

    ctx.test('a name that looks like another prefix stays in its own prefix', async () => {
      const base = ctx.uniquePrefix();
      const outer = at(base);
      const inner = at(`${base}:app`);
      // `<base>:app:x:minute:…` is both outer's name "app" … and inner's name "x": it belongs to inner.
      await inner.insert('x', 1);
      await outer.insert('y', 1);
      expect(await inner.list()).toEqual(['x']);
      expect(await inner.deleteAll()).toBe(1);
      expect(await outer.list()).toEqual(['y']);
      await outer.deleteAll();
    });
  });
}
