import type { SuiteContext } from './context';
import { NOW } from './model';

/** `delete(name)` and `deleteAll()`: exact names, the number of keys removed. */
export function deleteTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const intervals = { minute: { step: 60 }, hour: { step: 3600, resolution: 60 } };

  ctx.api.describe('delete', () => {
    ctx.test('delete removes every key of the name and returns how many', async () => {
      const f = ctx.fresh({ type: 'series', intervals });
      // minute: 2 keys; hour: 1 interval SET + 2 resolution keys.
      await f.t.insert('d', 'v', { timestamp: NOW });
      await f.t.insert('d', 'v', { timestamp: NOW + 60 });
      await f.t.insert('keep', 'v', { timestamp: NOW });
      expect(await f.t.delete('d')).toBe(5);
      expect(await f.t.list()).toEqual(['keep']);
      expect((await f.t.get('d', 'minute', { timestamp: NOW })).get(NOW)).toEqual([]);
      expect(await f.t.delete('d')).toBe(0);
    });

    ctx.test("names are matched exactly: delete('a*') leaves 'ab', 'a' and 'a?'", async () => {
      const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60 } } });
      for (const name of ['a*', 'ab', 'a', 'a?', 'a[b]', 'a\\'])
        await f.t.insert(name, 1, { timestamp: NOW });
      expect(await f.t.delete('a*')).toBe(1);
      expect(await f.t.list()).toEqual(['a', 'a?', 'a[b]', 'a\\', 'ab']);
      expect(await f.t.delete('a[b]')).toBe(1);
      expect(await f.t.delete('a\\')).toBe(1);
      expect(await f.t.delete('a?')).toBe(1);
      expect(await f.t.list()).toEqual(['a', 'ab']);
    });

    ctx.test(
      'deleteAll removes every name under the prefix and returns the key count',
      async () => {
        const f = ctx.fresh({ type: 'series', intervals });
        await f.t.insert('x', 'v', { timestamp: NOW });
        await f.t.insert('y', 'v', { timestamp: NOW });
        expect(await f.t.deleteAll()).toBe(6);
        expect(await f.keys()).toEqual([]);
        expect(await f.t.deleteAll()).toBe(0);
      },
    );

    ctx.test('deleting many keys (more than one SCAN page)', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60 } } });
      const entries: [number, Record<string, number[]>][] = [];
      for (let i = 0; i < 1500; i++) entries.push([NOW - 60 * i, { many: [1] }]);
      await f.t.bulkInsert(entries);
      expect(await f.t.delete('many')).toBe(1500);
      expect(await f.keys()).toEqual([]);
    });
  });
}
