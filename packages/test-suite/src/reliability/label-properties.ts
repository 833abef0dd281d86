import { Timeseries } from '@kairos/core';
import fc from 'fast-check';
import type { ReliabilityContext } from './context';
import type { PropertyOptions } from './properties';

const NOW = 1_741_737_600; // 2025-03-12T00:00:00Z
const SERVICES = ['a', 'b', 'c'] as const;
const REGIONS = ['x', 'y'] as const;
const intervals = { minute: { step: 60 }, hour: { step: 3600, resolution: 600 } };

/** One name: its optional labels and its values per minute offset. */
interface Named {
  service: string | undefined;
  region: string | undefined;
  values: [offset: number, value: number][];
}

const namedArb: fc.Arbitrary<Named> = fc.record({
  service: fc.option(fc.constantFrom(...SERVICES), { nil: undefined }),
  region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
  values: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -50, max: 50 })), {
    maxLength: 6,
  }),
});

/** A filter: a positive term on service, and maybe a term of any kind on region or service. */
const filterArb = fc
  .tuple(
    fc.subarray([...SERVICES], { minLength: 1 }),
    fc.constantFrom(
      '',
      'region=x',
      'region!=x',
      'region=',
      'region!=',
      'region=(x,y)',
      'region!=(x,y)',
      'service!=a',
    ),
  )
  .map(([services, extra]) =>
    `${services.length === 1 ? `service=${services[0]}` : `service=(${services.join(',')})`} ${extra}`.trim(),
  );

/** Whether a name's labels satisfy a filter: evaluated here term by term, from the text. */
function matches(named: Named, filter: string): boolean {
  return filter.split(' ').every((term) => {
    const [, label, op, rest = ''] = /^(\w+)(!?=)(.*)$/.exec(term) as RegExpExecArray;
    const value = label === 'service' ? named.service : named.region;
    const listed = rest === '' ? [] : rest.replace(/[()]/g, '').split(',');
    if (listed.length === 0) return op === '=' ? value === undefined : value !== undefined;
    const hit = value !== undefined && listed.includes(value);
    return op === '=' ? hit : !hit;
  });
}

/**
 * Reads by filter against reads by name: a filtered read equals the same read of each
 * matching name, a grouped read the joined read of each group's names, and a count
 * group's reduce 'sum' its joined count.
 */
export function labelPropertyTests(ctx: ReliabilityContext, options: PropertyOptions): void {
  ctx.api.describe('reads by filter equal reads by the matching names', () => {
    ctx.api.it(
      `${options.numRuns} random label sets and filters`,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.dictionary(fc.constantFrom('n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6'), namedArb, {
              minKeys: 1,
            }),
            filterArb,
            fc.constantFrom('series', 'count') as fc.Arbitrary<'series' | 'count'>,
            fc.constantFrom('minute', 'hour') as fc.Arbitrary<'minute' | 'hour'>,
            async (byName, filter, type, interval) => {
              const { expect } = ctx.api;
              const prefix = `${ctx.uniquePrefix()}:`;
              const t = new Timeseries(ctx.driver(), {
                type,
                read: Number,
                intervals,
                prefix,
                clock: () => NOW,
              });
              try {
                for (const [name, named] of Object.entries(byName)) {
                  const labels = Object.fromEntries(
                    [
                      ['service', named.service],
                      ['region', named.region],
                    ].filter(([, v]) => v !== undefined),
                  );
                  await t.setLabels(name, labels);
                  for (const [offset, value] of named.values) {
                    await t.insert(name, value, { timestamp: NOW + offset * 60 });
                  }
                }
                const expected = Object.keys(byName)
                  .filter((name) => matches(byName[name] as Named, filter))
                  .sort();
                expect(await t.list({ filter })).toEqual(expected);
                const range = { start: NOW, end: NOW + 300, transform: 'sum' } as const;
                const filtered = await t.series({ filter }, interval, range);
                expect([...filtered.keys()]).toEqual(expected);
                for (const name of expected) {
                  expect(filtered.get(name)).toEqual(await t.series(name, interval, range));
                }
                const grouped = await t.series({ filter, groupBy: 'region' }, interval, range);
                const groups = new Map<string, string[]>();
                for (const name of expected) {
                  const region = byName[name]?.region;
                  if (region !== undefined)
                    groups.set(region, [...(groups.get(region) ?? []), name]);
                }
                expect([...grouped.keys()]).toEqual([...groups.keys()].sort());
                for (const [region, names] of groups) {
                  expect(grouped.get(region)).toEqual(await t.series(names, interval, range));
                }
                if (type === 'count' && interval === 'minute') {
                  const summed = await t.series(
                    { filter, groupBy: 'region', reduce: 'sum' },
                    interval,
                    range,
                  );
                  // Counts are never null: the sum of each name's count is the joined count.
                  for (const [region, names] of groups) {
                    expect(summed.get(region)).toEqual(await t.series(names, interval, range));
                  }
                }
              } finally {
                await t.deleteAll();
              }
              expect(await ctx.snapshot(prefix)).toEqual({});
            },
          ),
          {
            numRuns: options.numRuns,
            ...(options.seed === undefined ? {} : { seed: options.seed }),
          },
        );
      },
      300_000,
    );
  });
}
