import type { SuiteContext } from './context';
import { NOW } from './model';

/** `bulkInsert()`: arrays, generators, async iterables, Maps; `null` is now; big batches. */
export function bulkInsertTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const intervals = { minute: { step: 60 }, hour: { step: 3600, resolution: 60 } };
  type Entry = [number | Date | null, Record<string, string[]>];
  const entries: Entry[] = [
    [NOW, { a: ['1', '2'], b: ['x'] }],
    [NOW + 60, { a: ['3'] }],
    [new Date((NOW + 61) * 1000), { b: ['y'] }],
    [null, { a: ['now'] }],
  ];
  const expectWritten = async (f: ReturnType<typeof fixture>) => {
    const minutes = await f.t.series(['a'], 'minute', { start: NOW, end: NOW + 120 });
    expect([...minutes]).toEqual([
      [NOW, ['1', '2']],
      [NOW + 60, ['3']],
      [NOW + 120, ['now']],
    ]);
    expect((await f.t.get('b', 'minute', { timestamp: NOW + 60 })).get(NOW + 60)).toEqual(['y']);
    expect([...(await f.t.get('a', 'hour', { timestamp: NOW }))]).toEqual([
      [NOW, ['1', '2']],
      [NOW + 60, ['3']],
      [NOW + 120, ['now']],
    ]);
  };
  const fixture = () => {
    const f = ctx.fresh({ type: 'series', intervals });
    f.clock.set(NOW + 150);
    return f;
  };

  ctx.api.describe('bulkInsert', () => {
    ctx.test('an array of [timestamp | null, { name: values }]', async () => {
      const f = fixture();
      await f.t.bulkInsert(entries);
      await expectWritten(f);
    });

    ctx.test('a sync generator', async () => {
      const f = fixture();
      await f.t.bulkInsert(
        (function* () {
          yield* entries;
        })(),
      );
      await expectWritten(f);
    });

    ctx.test('an async iterable', async () => {
      const f = fixture();
      await f.t.bulkInsert(
        (async function* () {
          for (const entry of entries) {
            await new Promise((resolve) => setTimeout(resolve, 1));
            yield entry;
          }
        })(),
      );
      await expectWritten(f);
    });

    ctx.test('a Map of timestamp → { name: values }, null key = now', async () => {
      const f = fixture();
      await f.t.bulkInsert(new Map(entries));
      await expectWritten(f);
    });

    ctx.test('the same timestamp twice keeps both entries, in order', async () => {
      const f = fixture();
      await f.t.bulkInsert([
        [NOW, { a: ['1'] }],
        [NOW, { a: ['2'] }],
      ]);
      expect((await f.t.get('a', 'minute', { timestamp: NOW })).get(NOW)).toEqual(['1', '2']);
    });

    ctx.test('counts, histograms, gauges and sets merge many values per key', async () => {
      const c = ctx.fresh({ type: 'count', intervals });
      const h = ctx.fresh({ type: 'histogram', intervals });
      const g = ctx.fresh({ type: 'gauge', intervals });
      const z = ctx.fresh({ type: 'set', intervals });
      const batch: [number, Record<string, (string | number)[]>][] = [
        [NOW, { n: [1, 2] }],
        [NOW + 1, { n: [2, 0.5] }],
        [NOW + 61, { n: [7] }],
      ];
      for (const f of [c, h, g, z]) await f.t.bulkInsert(batch);
      expect((await c.t.get('n', 'minute', { timestamp: NOW })).get(NOW)).toBe(5.5);
      expect((await h.t.get('n', 'minute', { timestamp: NOW })).get(NOW)).toEqual(
        new Map([
          ['1', 1],
          ['2', 2],
          ['0.5', 1],
        ]),
      );
      expect((await g.t.get('n', 'minute', { timestamp: NOW })).get(NOW)).toBe('0.5');
      expect((await z.t.get('n', 'minute', { timestamp: NOW })).get(NOW)).toEqual(
        new Set(['1', '2', '0.5']),
      );
      expect((await c.t.get('n', 'hour', { timestamp: NOW, condense: true })).get(NOW)).toBe(12.5);
    });

    ctx.test('intervals: ±N applies to every entry', async () => {
      const f = ctx.fresh({ type: 'count', intervals: { minute: { step: 60 } } });
      await f.t.bulkInsert([[NOW, { c: [1] }]], { intervals: 1 });
      expect([...(await f.t.series('c', 'minute', { start: NOW, end: NOW + 120 }))]).toEqual([
        [NOW, 1],
        [NOW + 60, 1],
        [NOW + 120, 0],
      ]);
    });

    if (!ctx.features.largeBatches) return;

    ctx.test('more values than one chunk (25,000), all written, arrival order kept', async () => {
      const f = ctx.fresh({ type: 'series', intervals: { minute: { step: 60 } } });
      const values = Array.from({ length: 25_000 }, (_, i) => String(i));
      await f.t.bulkInsert(
        (async function* () {
          for (const v of values) yield [NOW + 1, { big: [v] }] as Entry;
        })(),
      );
      const stored = (await f.t.get('big', 'minute', { timestamp: NOW })).get(NOW) as string[];
      expect(stored.length).toBe(values.length);
      expect(stored).toEqual(values);
    });
  });
}
