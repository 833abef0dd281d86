import { KairosError } from '@kairos/core';
import { NOW } from '../conformance/model';
import { failureOf } from '../support/failure';
import type { Snapshot } from '../support/storage';
import { BAD_INPUTS } from './bad-input/index';
import type { Subjects } from './bad-input/row';
import type { ReliabilityContext } from './context';

/** A Wednesday at midnight UTC: the seeded data sits in its buckets. */

/**
 * docs/ARCHITECTURE.md "Errors" (bad input is rejected before anything is sent): each row of {@link BAD_INPUTS}
 * must fail with its error class, send no command and no SCAN, and leave every key under
 * the prefix as it was.
 */
export function badInputTests(ctx: ReliabilityContext): void {
  const { expect } = ctx.api;
  let subjects: Subjects;
  let prefix: string;
  let calls: () => number;
  let seeded: Snapshot;

  ctx.api.describe('bad input is rejected before anything is sent', () => {
    ctx.api.beforeAll(async () => {
      prefix = `${ctx.uniquePrefix()}:`;
      const intervals = { minute: { step: 60, steps: 60 }, hour: { step: '1h', resolution: 60 } };
      const clock = () => NOW;
      const base = { prefix, intervals, clock };
      const series = ctx.recorded({ ...base, type: 'series' });
      const count = ctx.recorded({ ...base, type: 'count' });
      const gauge = ctx.recorded({ ...base, type: 'gauge' });
      const written = ctx.recorded<'series', string, string>({
        ...base,
        type: 'series',
        write: (value) => {
          if (value === 'explode') throw new Error('cannot write that');
          return (value === 'object' ? {} : value) as string;
        },
      });
      const all = [series, count, gauge, written];
      calls = () => all.reduce((n, r) => n + r.sent.length + r.scans.length, 0);
      // Seed every type, coarse and fine, so "nothing changed" has something to protect.
      await series.t.insert('seed', ['a', 'b'], { timestamp: NOW });
      await series.t.insert('other', 'x', { timestamp: NOW - 60 });
      await count.t.insert('c', 2.5, { timestamp: NOW });
      await gauge.t.insert('g', 'last', { timestamp: NOW });
      subjects = {
        series: series.t,
        count: count.t,
        gauge: gauge.t,
        written: written.t,
        driver: series.driver,
        now: NOW,
      };
      seeded = await ctx.snapshot(prefix);
    });

    ctx.test('the table has at least 40 rows and the seed is in storage', () => {
      expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
      // 2 series buckets + 1 fine index + 1 resolution key for 'seed', 'other' likewise, c, g.
      expect(Object.keys(seeded).length).toBeGreaterThanOrEqual(8);
    });

    for (const row of BAD_INPUTS) {
      ctx.test(`${row.title} → ${row.error.name}`, async () => {
        const before = calls();
        const error = await failureOf(() => row.call(subjects));
        expect(error).toBeInstanceOf(KairosError);
        expect(error).toBeInstanceOf(row.error);
        // Exactly this class: a sibling (InvalidValueError for a bad name) is a wrong answer.
        expect((error as Error).constructor).toBe(row.error);
        expect(calls()).toBe(before);
        expect(await ctx.snapshot(prefix)).toEqual(seeded);
      });
    }
  });
}
