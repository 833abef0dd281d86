import type { SuiteContext } from './context';
import { NOW } from './model';

/**
 * Round trips: a bulk insert is one pipelined batch per chunk, never one per value; a read
 * is at most two, whatever the number of names and buckets (docs/ARCHITECTURE.md "The write
 * path", "The read path").
 */
export function roundTripTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const intervals = {
    minute: { step: 60 },
    hour: { step: 3600, resolution: 60 },
    day: { step: 'daily' },
  };

  ctx.api.describe('round trips', () => {
    ctx.test('bulkInsert of many names, times and values below one chunk: one batch', async () => {
      const f = ctx.fresh({ type: 'series', intervals });
      const entries: [number, Record<string, string[]>][] = [];
      for (let i = 0; i < 100; i++)
        entries.push([NOW - 37 * i, { a: [`${i}`, 'x'], b: ['y'], [`n${i % 7}`]: ['z'] }]);
      await f.t.bulkInsert(entries);
      expect(f.batches.length).toBe(1);
    });

    ctx.test('insert of an array: one batch', async () => {
      const f = ctx.fresh({ type: 'histogram', intervals });
      await f.t.insert(
        'h',
        Array.from({ length: 500 }, (_, i) => i % 13),
        { timestamp: NOW, intervals: 3 },
      );
      expect(f.batches.length).toBe(1);
    });

    ctx.test('get and series of joined names on a fine interval: at most two batches', async () => {
      const f = ctx.fresh({ type: 'count', intervals });
      for (const name of ['a', 'b', 'c']) {
        for (let m = 0; m < 5; m++)
          await f.t.insert(name, 1, { timestamp: NOW - 3600 * m + 60 * m });
      }
      f.batches.length = 0;
      await f.t.get(['a', 'b', 'c'], 'hour', { timestamp: NOW });
      expect(f.batches.length).toBeLessThanOrEqual(2);
      f.batches.length = 0;
      await f.t.series(['a', 'b', 'c'], 'hour', { start: NOW - 5 * 3600, end: NOW });
      expect(f.batches.length).toBeLessThanOrEqual(2);
      f.batches.length = 0;
      await f.t.series(['a', 'b', 'c'], 'minute', { start: NOW - 5 * 3600, end: NOW });
      expect(f.batches.length).toBe(1);
    });
  });
}
