import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config';
import type { TimeseriesOptions } from '../src/options';
import { WriteBatch } from '../src/plan/write-batch';
import type { SeriesType } from '../src/transforms';
import { recordingDriver } from './recording-driver';

const NOW = 1_764_291_630; // 2025-11-28T01:00:30Z
const config = (type: SeriesType, intervals: TimeseriesOptions['intervals']) =>
  buildConfig(recordingDriver().driver, { type, intervals } as TimeseriesOptions<
    SeriesType,
    unknown,
    never
  >);

describe('WriteBatch coalescing', () => {
  it('sends one RPUSH per series key, in arrival order, and one EXPIRE per key', () => {
    const batch = new WriteBatch(config('series', { m: { step: 60, steps: 10 } }), NOW);
    batch.add('a', NOW, 'x');
    batch.add('b', NOW, 'z');
    batch.add('a', NOW + 1, 'y');
    const bucket = Math.floor(NOW / 60);
    expect(batch.commands()).toEqual([
      ['RPUSH', `a:m:${bucket}`, 'x', 'y'],
      ['RPUSH', `b:m:${bucket}`, 'z'],
      ['EXPIRE', `a:m:${bucket}`, 600],
      ['EXPIRE', `b:m:${bucket}`, 600],
    ]);
  });

  it('sums counts into one INCRBYFLOAT and skips a zero total', () => {
    const batch = new WriteBatch(config('count', { m: { step: 60 } }), NOW);
    for (const n of [1, 2, 0.5]) batch.add('a', NOW, n);
    batch.add('z', NOW, 1);
    batch.add('z', NOW, -1);
    expect(batch.commands()).toEqual([['INCRBYFLOAT', `a:m:${Math.floor(NOW / 60)}`, 3.5]]);
  });

  it('sums histogram fields, keeps the last gauge and dedupes set members', () => {
    const h = new WriteBatch(config('histogram', { m: { step: 60 } }), NOW);
    for (const v of ['a', 'b', 'a', 1, '1']) h.add('h', NOW, v);
    const key = `h:m:${Math.floor(NOW / 60)}`;
    expect(h.commands()).toEqual([
      ['HINCRBY', key, 'a', 2],
      ['HINCRBY', key, 'b', 1],
      ['HINCRBY', key, '1', 2],
    ]);
    const g = new WriteBatch(config('gauge', { m: { step: 60 } }), NOW);
    for (const v of [3, 0, 7]) g.add('g', NOW, v);
    expect(g.commands()).toEqual([['SET', `g:m:${Math.floor(NOW / 60)}`, 7]]);
    const s = new WriteBatch(config('set', { m: { step: 60 } }), NOW);
    for (const v of ['x', 'y', 'x']) s.add('s', NOW, v);
    expect(s.commands()).toEqual([['SADD', `s:m:${Math.floor(NOW / 60)}`, 'x', 'y']]);
  });

  it('indexes fine intervals with one SADD and expires both key kinds', () => {
    const batch = new WriteBatch(
      config('series', { h: { step: 3600, resolution: 60, steps: 2 } }),
      NOW,
    );
    batch.add('a', NOW, 1);
    batch.add('a', NOW + 60, 2);
    const iKey = `a:h:${Math.floor(NOW / 3600)}`;
    const r0 = Math.floor(NOW / 60);
    expect(batch.commands()).toEqual([
      ['RPUSH', `${iKey}:${r0}`, 1],
      ['RPUSH', `${iKey}:${r0 + 1}`, 2],
      ['SADD', iKey, r0, r0 + 1],
      ['EXPIRE', iKey, 7200],
      ['EXPIRE', `${iKey}:${r0}`, 7200],
      ['EXPIRE', `${iKey}:${r0 + 1}`, 7200],
    ]);
  });

  it('computes TTLs relative to now and skips buckets older than steps (kairos)', () => {
    const batch = new WriteBatch(config('count', { m: { step: 60, steps: 3 } }), NOW);
    const now = Math.floor(NOW / 60);
    batch.add('a', NOW - 60, 1); // one bucket back: 2 steps left
    batch.add('a', NOW + 60, 1); // the future: 4 steps
    batch.add('a', NOW - 180, 1); // 3 buckets back: expired, skipped
    expect(batch.commands()).toEqual([
      ['INCRBYFLOAT', `a:m:${now - 1}`, 1],
      ['INCRBYFLOAT', `a:m:${now + 1}`, 1],
      ['EXPIRE', `a:m:${now - 1}`, 120],
      ['EXPIRE', `a:m:${now + 1}`, 240],
    ]);
  });

  it('writes N extra buckets after or before with intervals: ±N', () => {
    const after = new WriteBatch(config('count', { m: { step: 60 } }), NOW);
    after.add('a', NOW, 1, 2);
    const b = Math.floor(NOW / 60);
    expect(after.commands().map((c) => c[1])).toEqual([`a:m:${b}`, `a:m:${b + 1}`, `a:m:${b + 2}`]);
    const before = new WriteBatch(config('count', { d: { step: 'daily' } }), NOW);
    before.add('a', NOW, 1, -2);
    expect(before.commands().map((c) => c[1])).toEqual([
      'a:d:20251128',
      'a:d:20251127',
      'a:d:20251126',
    ]);
  });

  it('puts shifted values in the first resolution bucket of the shifted interval', () => {
    const batch = new WriteBatch(config('series', { h: { step: 3600, resolution: 60 } }), NOW);
    batch.add('a', NOW, 'v', 1);
    const next = Math.floor(NOW / 3600) + 1;
    expect(batch.commands()).toContainEqual(['RPUSH', `a:h:${next}:${next * 60}`, 'v']);
  });
});
