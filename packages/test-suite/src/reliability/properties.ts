import { type SeriesType, Timeseries, type Timestamp } from '@kairos/core';
import { type ManualClock, manualClock } from '@kairos/testing';
import fc from 'fast-check';
import type { ReliabilityContext } from './context';
import { ReferenceModel } from './model/reference';
import type { At, Op, Scenario } from './scenario';
import { scenarioArb } from './scenario';

/** Options of the property tests. */
export interface PropertyOptions {
  numRuns: number;
  seed: number | undefined;
}

/**
 * Property-based tests against a simple in-memory reference model (docs/ARCHITECTURE.md "Testing"):
 * random configs and random interleavings of writes, deletes and reads; every read must
 * equal the model's. fast-check prints the seed and the shrunk scenario on failure.
 */
export function propertyTests(ctx: ReliabilityContext, options: PropertyOptions): void {
  ctx.api.describe('random writes read back as the reference model says', () => {
    ctx.api.it(
      `${options.numRuns} random scenarios`,
      async () => {
        await fc.assert(
          fc.asyncProperty(scenarioArb, (scenario) => runScenario(ctx, scenario)),
          {
            numRuns: options.numRuns,
            ...(options.seed === undefined ? {} : { seed: options.seed }),
          },
        );
      },
      // Shrinking a failure against a real Redis takes a while; a pass takes seconds.
      300_000,
    );
  });
}

async function runScenario(ctx: ReliabilityContext, scenario: Scenario): Promise<void> {
  const { expect } = ctx.api;
  const { config, now } = scenario;
  const prefix = `${ctx.uniquePrefix()}:`;
  const clock = manualClock(now);
  const t = new Timeseries<SeriesType, string, string | number>(ctx.driver(), {
    type: config.type,
    intervals: config.intervals,
    hashTag: config.hashTag,
    prefix,
    clock,
    // Scenarios stamp writes days ahead of the clock; the guard has tests of its own.
    maxFuture: Number.POSITIVE_INFINITY,
  });
  const model = new ReferenceModel(config, clock);
  const time = (at: At): Timestamp =>
    at.date ? new Date((now + at.offset) * 1000) : now + at.offset;
  try {
    for (const op of scenario.ops)
      await step(t, model, op, time, now, clock, (actual, expected) => {
        expect(canonical(actual)).toEqual(canonical(expected));
      });
    expect(await t.list()).toEqual(model.list());
    expect(await t.deleteAll()).toBe(model.deleteAll());
    expect(await ctx.snapshot(prefix)).toEqual({});
  } finally {
    // A failed run leaves nothing behind for the next one on a shared Redis.
    await t.deleteAll().catch(() => undefined);
  }
}

async function step(
  t: Timeseries<SeriesType, string, string | number>,
  model: ReferenceModel,
  op: Op,
  time: (at: At) => Timestamp,
  now: number,
  clock: ManualClock,
  same: (actual: unknown, expected: unknown) => void,
): Promise<void> {
  switch (op.kind) {
    case 'advance':
      clock.advance(op.seconds);
      return;
    case 'insert': {
      const timestamp = op.at && time(op.at);
      await t.insert(op.name, op.value, {
        ...(timestamp === undefined ? {} : { timestamp }),
        intervals: op.shift,
      });
      const values = op.value === undefined ? [1] : Array.isArray(op.value) ? op.value : [op.value];
      model.write(op.name, values, op.at ? now + op.at.offset : null, op.shift);
      return;
    }
    case 'bulk': {
      await t.bulkInsert(
        op.entries.map(([at, byName]) => [at && time(at), byName]),
        { intervals: op.shift },
      );
      for (const [at, byName] of op.entries) {
        for (const [name, values] of Object.entries(byName))
          model.write(name, values, at ? now + at.offset : null, op.shift);
      }
      return;
    }
    case 'delete':
      return same(await t.delete(op.name), model.delete(op.name));
    case 'get': {
      const timestamp = op.at && time(op.at);
      const actual = await t.get(op.names, op.interval, {
        ...op.read,
        ...(timestamp === undefined ? {} : { timestamp }),
      });
      return same(actual, model.get(op.names, op.interval, op.at && now + op.at.offset, op.read));
    }
    case 'series': {
      const range = {
        ...op.range,
        ...(op.range.start === undefined ? {} : { start: now + op.range.start }),
        ...(op.range.end === undefined ? {} : { end: now + op.range.end }),
      };
      return same(
        await t.series(op.names, op.interval, range),
        model.series(op.names, op.interval, range),
      );
    }
    case 'iterate': {
      const actual: [number, unknown][] = [];
      for await (const entry of t.iterate(op.name, op.interval, op.read)) actual.push(entry);
      return same(actual, model.iterate(op.name, op.interval, op.read));
    }
    case 'list':
      return same(await t.list(), model.list());
    case 'properties':
      return same(await t.properties(op.name), model.properties(op.name));
  }
}

/**
 * A form that compares by value what must be equal: time-keyed Maps keep their (ascending)
 * order, while sets and histograms, whose order Redis does not define, are sorted.
 */
export function canonical(value: unknown): unknown {
  if (value instanceof Set) return { set: [...value].map(canonical).sort(byText) };
  if (value instanceof Map) {
    const entries = [...value].map(([k, v]) => [k, canonical(v)]);
    const timed = [...value.keys()].every((k) => typeof k === 'number');
    return timed ? { map: entries } : { histogram: entries.sort(byText) };
  }
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

function byText(a: unknown, b: unknown): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
