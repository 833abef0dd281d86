import fc from 'fast-check';
import { type ModelStep, nominalSeconds } from '../support/time';
import type { ModelConfig, ModelInterval, ModelRange, ModelRead } from './model/reference';
import type { ModelType, Written } from './model/types';

/** Series names, two of them glob patterns that would match the others if taken as patterns. */
export const NAMES = ['a', 'a*', '?', 'b c'] as const;

/** A time relative to the scenario's "now"; `date` passes it as a `Date`. */
export interface At {
  offset: number;
  date: boolean;
}

/** One step of a scenario: a write, a delete or a read compared with the model. */
export type Op =
  | {
      kind: 'insert';
      name: string;
      value: Written | Written[] | undefined;
      at: At | undefined;
      shift: number;
    }
  | { kind: 'bulk'; entries: [At | null, Record<string, Written[]>][]; shift: number }
  | { kind: 'delete'; name: string }
  | { kind: 'get'; names: string[]; interval: string; at: At | undefined; read: ModelRead }
  | { kind: 'series'; names: string[]; interval: string; range: ModelRange }
  | { kind: 'iterate'; name: string; interval: string; read: ModelRead }
  | { kind: 'list' }
  | { kind: 'properties'; name: string }
  | { kind: 'advance'; seconds: number };

/** A random Timeseries config, a "now", and operations interleaved at random. */
export interface Scenario {
  config: ModelConfig & { hashTag: boolean };
  now: number;
  ops: Op[];
}

const STEPS: ModelStep[] = [
  60,
  90,
  '300',
  3600,
  '1h',
  '2h',
  '1d',
  '1w',
  'daily',
  'weekly',
  'monthly',
  'yearly',
];
const RESOLUTIONS: ModelStep[] = [60, 300, 900, '1h', '6h', 'daily', 'monthly'];

/** Resolutions a step accepts: not longer than it (calendar and relative may mix). */
function resolutionsFor(step: ModelStep): ModelStep[] {
  return RESOLUTIONS.filter((r) => nominalSeconds(r) <= nominalSeconds(step));
}

const intervalArb: fc.Arbitrary<ModelInterval> = fc.constantFrom(...STEPS).chain((step) =>
  fc.record(
    {
      step: fc.constant(step),
      resolution: fc.constantFrom(...resolutionsFor(step)),
      steps: fc.integer({ min: 1, max: 5 }),
    },
    { requiredKeys: ['step'] },
  ),
);

const configArb = fc.record({
  type: fc.constantFrom<ModelType>('series', 'histogram', 'count', 'gauge', 'set'),
  intervals: fc
    .array(intervalArb, { minLength: 1, maxLength: 3 })
    .map((list) => Object.fromEntries(list.map((iv, n) => [`i${n}`, iv]))),
  hashTag: fc.boolean(),
});

function opArb(config: Scenario['config']): fc.Arbitrary<Op> {
  const intervals = Object.keys(config.intervals);
  const scales = Object.values(config.intervals).map((iv) => nominalSeconds(iv.step));
  const atArb = (scale: fc.Arbitrary<number>) =>
    fc
      .record({
        scale,
        k: fc.integer({ min: -5, max: 3 }),
        within: fc.double({ min: 0, max: 1, noNaN: true }),
        quarter: fc.integer({ min: 0, max: 3 }),
        date: fc.boolean(),
      })
      .map(
        ({ scale, k, within, quarter, date }): At => ({
          offset: k * scale + Math.floor(within * scale) + quarter / 4,
          date,
        }),
      );
  const anyAt = atArb(fc.constantFrom(...scales));
  const name = fc.constantFrom(...NAMES);
  // Repeats allowed: a name joined with itself counts twice.
  const names = fc.array(name, { minLength: 1, maxLength: 3 });
  const interval = fc.constantFrom(...intervals);
  const value: fc.Arbitrary<Written> =
    config.type === 'count'
      ? fc.integer({ min: 1, max: 40 }).map((k) => k / 4)
      : fc.constantFrom<Written>('x', 'y', '', 'a:b', 'ü', '1', 1, 2.5);
  const values = fc.array(value, { maxLength: 4 });
  const shift = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: -2, max: 2 }));
  const read = fc.record(
    { condense: fc.boolean(), transform: fc.constantFrom<'count' | 'rate'>('count', 'rate') },
    { requiredKeys: [] },
  );
  const insertValue = fc.oneof(
    value,
    values,
    ...(config.type === 'count' ? [fc.constant(undefined)] : []),
  );
  // A series range is measured in its own interval's steps, so it never spans millions of buckets.
  const seriesOp = interval.chain((iv) => {
    const at = atArb(fc.constant(nominalSeconds(config.intervals[iv]?.step ?? 60)));
    return fc.record({
      kind: fc.constant('series' as const),
      names,
      interval: fc.constant(iv),
      range: fc.record(
        {
          start: at.map((a) => a.offset),
          end: at.map((a) => a.offset),
          steps: fc.integer({ min: 1, max: 5 }),
          condense: fc.boolean(),
          collapse: fc.boolean(),
          transform: fc.constantFrom<'count' | 'rate'>('count', 'rate'),
        },
        { requiredKeys: [] },
      ),
    });
  });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('insert' as const),
        name,
        value: insertValue,
        at: fc.option(anyAt, { nil: undefined }),
        shift,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('bulk' as const),
        entries: fc.array(
          fc.tuple(fc.option(anyAt, { nil: null }), fc.dictionary(name, values, { maxKeys: 3 })),
          { minLength: 1, maxLength: 4 },
        ),
        shift,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), name }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('get' as const),
        names,
        interval,
        at: fc.option(anyAt, { nil: undefined }),
        read,
      }),
    },
    { weight: 3, arbitrary: seriesOp },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('iterate' as const), name, interval, read }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'list' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('properties' as const), name }) },
    // Moves "now": which writes are too old, where default reads land, what null means.
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('advance' as const),
        seconds: fc
          .tuple(fc.constantFrom(...scales), fc.integer({ min: -2, max: 3 }))
          .map(([scale, k]) => scale * k),
      }),
    },
  );
}

/** Scenarios: a config, a "now" between 1938 and 2065, and 1 to 12 operations. */
export const scenarioArb: fc.Arbitrary<Scenario> = configArb.chain((config) =>
  fc.record({
    config: fc.constant(config),
    now: fc.integer({ min: -1_000_000_000, max: 3_000_000_000 }),
    ops: fc.array(opArb(config), { minLength: 1, maxLength: 12 }),
  }),
);
