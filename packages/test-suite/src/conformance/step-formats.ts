import type { SuiteContext } from './context';
import { bucketOf, NOW } from './model';

/** `Step` formats (README "Intervals"): seconds, digit strings, `N` + h|d|w|m|y. */
export function stepFormatTests(ctx: SuiteContext): void {
  const { expect } = ctx.api;
  const H = 3600;
  const D = 86_400;
  const formats: [string, number | string, number][] = [
    ['n', 90, 90],
    ['digits', '90', 90],
    ['hours', '2h', 2 * H],
    ['days', '30d', 30 * D],
    ['weeks', '1w', 7 * D],
    ['months', '1m', 30 * D],
    ['years', '1y', 365 * D],
  ];

  ctx.api.describe('step formats', () => {
    ctx.test('each format buckets by floor(t / seconds)', async () => {
      const intervals = Object.fromEntries(formats.map(([name, step]) => [name, { step }]));
      const f = ctx.fresh({ type: 'count', intervals });
      const t = NOW + 12_345.6;
      await f.t.insert('c', 1, { timestamp: t });
      expect(await f.keys()).toEqual(
        formats.map(([name, , seconds]) => `${f.name('c')}:${name}:${bucketOf(t, seconds)}`).sort(),
      );
      for (const [name, , seconds] of formats) {
        expect([...(await f.t.get('c', name, { timestamp: t }))]).toEqual([
          [bucketOf(t, seconds) * seconds, 1],
        ]);
      }
    });

    ctx.test('a resolution in any format; equal to the step means coarse', async () => {
      const f = ctx.fresh({
        type: 'series',
        intervals: {
          fine: { step: '1d', resolution: '6h' },
          same: { step: '1h', resolution: 3600 },
        },
      });
      const t = NOW + 7 * H + 5;
      await f.t.insert('s', 'v', { timestamp: t });
      expect([...(await f.t.get('s', 'fine', { timestamp: t }))]).toEqual([[NOW + 6 * H, ['v']]]);
      expect(await f.keys()).toEqual(
        [
          `${f.name('s')}:fine:${bucketOf(t, D)}`,
          `${f.name('s')}:fine:${bucketOf(t, D)}:${bucketOf(t, 6 * H)}`,
          `${f.name('s')}:same:${bucketOf(t, H)}`,
        ].sort(),
      );
    });
  });
}
