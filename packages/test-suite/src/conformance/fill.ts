import { collect } from '../support/failure';
import type { SuiteContext } from './context';
import { NOW } from './model';

/** `fill` for series and iterate: every resolution row, nulls replaced or carried. */
export function fillTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const fine = { hour: { step: 3600, resolution: 600 } };
  const rows = (values: unknown[]) => new Map(values.map((v, k) => [NOW + k * 600, v]));

  ctx.api.describe('fill', () => {
    async function fixture() {
      const f = ctx.fresh({
        type: 'series',
        read: Number,
        intervals: { ...fine, minute: { step: 60 } },
      });
      await f.t.insert('s', [2, 4], { timestamp: NOW + 600 });
      await f.t.insert('s', [9], { timestamp: NOW + 1800 });
      return f;
    }

    ctx.test('without fill a fine interval gives only rows holding data, as kairos', async () => {
      const f = await fixture();
      expect(await f.t.series('s', 'hour', { start: NOW, end: NOW, transform: 'mean' })).toEqual(
        new Map([
          [
            NOW,
            new Map([
              [NOW + 600, 3],
              [NOW + 1800, 9],
            ]),
          ],
        ]),
      );
    });

    ctx.test('fill: a number replaces null results in every resolution row', async () => {
      const f = await fixture();
      const range = { start: NOW, end: NOW, transform: 'mean' } as const;
      expect(await f.t.series('s', 'hour', { ...range, fill: 0 })).toEqual(
        new Map([[NOW, rows([0, 3, 0, 9, 0, 0])]]),
      );
      expect(await f.t.series('s', 'hour', { ...range, fill: 'previous' })).toEqual(
        new Map([[NOW, rows([null, 3, 3, 9, 9, 9])]]),
      );
      expect(await f.t.series('s', 'hour', { ...range, fill: null })).toEqual(
        new Map([[NOW, rows([null, 3, null, 9, null, null])]]),
      );
      expect(await f.t.series('s', 'hour', { start: NOW, end: NOW, fill: null })).toEqual(
        new Map([[NOW, rows([[], [2, 4], [], [9], [], []])]]),
      );
    });

    ctx.test('fill on a coarse interval replaces nulls; counts are never null', async () => {
      const f = await fixture();
      const range = { start: NOW + 540, end: NOW + 720 };
      expect(await f.t.series('s', 'minute', { ...range, transform: 'max', fill: -1 })).toEqual(
        new Map([
          [NOW + 540, -1],
          [NOW + 600, 4],
          [NOW + 660, -1],
          [NOW + 720, -1],
        ]),
      );
      expect(await f.t.series('s', 'minute', { ...range, transform: 'count', fill: 5 })).toEqual(
        new Map([
          [NOW + 540, 0],
          [NOW + 600, 2],
          [NOW + 660, 0],
          [NOW + 720, 0],
        ]),
      );
    });

    ctx.test('iterate with fill: every resolution row, carried across batches', async () => {
      const f = await fixture();
      const got = await collect(f.t.iterate('s', 'hour', { transform: 'max', fill: 'previous' }));
      expect(got).toEqual([...rows([null, 4, 4, 9, 9, 9])]);
      expect(await collect(f.t.iterate('s', 'hour', { transform: 'max' }))).toEqual([
        [NOW + 600, 4],
        [NOW + 1800, 9],
      ]);
    });

    ctx.test('fill applies to each name or group of a read by filter', async () => {
      const f = await fixture();
      await f.t.setLabels('s', { k: 'v' });
      await f.t.insert('t', [1], { timestamp: NOW, labels: { k: 'v' } });
      const filled = await f.t.series({ filter: 'k=v' }, 'hour', {
        start: NOW,
        end: NOW,
        transform: 'max',
        fill: 0,
      });
      expect(filled.get('s')).toEqual(new Map([[NOW, rows([0, 4, 0, 9, 0, 0])]]));
      expect(filled.get('t')).toEqual(new Map([[NOW, rows([1, 0, 0, 0, 0, 0])]]));
      const reduced = await f.t.series({ filter: 'k=v', groupBy: 'k', reduce: 'count' }, 'hour', {
        start: NOW,
        end: NOW,
        transform: 'max',
        fill: null,
      });
      expect(reduced.get('v')).toEqual(new Map([[NOW, rows([1, 1, 0, 1, 0, 0])]]));
    });
  });
}
