import {
  type Driver,
  type DumpRecord,
  type IntervalsOptions,
  migrate,
  type SeriesType,
  Timeseries,
} from '@kairos/core';
import { manualClock, mockDriver } from '@kairos/testing';
import { startServer, useRealRedis } from '@kairos-tools/redis-server';
import { referenceDriver } from '@kairos-tools/redis-server/reference-driver';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Properties of dump, restore and migrate over random schemas and data sets: a restore of a
// dump is the identity, and migrating to a schema of exact multiples equals writing the same
// inserts (in time order) into that schema directly.

const NOW = 1_741_737_600; // 2025-03-12T00:00:00Z
const TYPES: readonly SeriesType[] = ['series', 'histogram', 'count', 'gauge', 'set'];

const valueArb = (type: SeriesType) =>
  type === 'count'
    ? fc.integer({ min: 1, max: 5 })
    : fc.oneof(fc.constantFrom('a', 'b', '', 'é😀', '1.50'), fc.integer({ min: -9, max: 9 }));

const insertsArb = (type: SeriesType) =>
  fc.array(
    fc.tuple(
      fc.constantFrom('x', 'y', 'z'),
      fc.integer({ min: -3 * 86_400, max: 0 }),
      valueArb(type),
    ),
    { minLength: 1, maxLength: 40 },
  );

const intervalArb = fc.constantFrom(
  { step: 60 },
  { step: 300, steps: 2_000 },
  { step: '1h', resolution: 300 },
  { step: 'daily', resolution: '1h' },
  { step: 'weekly' },
  { step: '1d', timezone: 'America/New_York', align: 'local' as const },
);

const schemaArb = fc
  .uniqueArray(intervalArb, { minLength: 1, maxLength: 3 })
  .map((list) => Object.fromEntries(list.map((iv, n) => [`i${n}`, iv])) as IntervalsOptions);

/** Target intervals whose buckets (and rows) are whole multiples of a `base`-second source. */
const multiplesArb = (base: number) =>
  fc
    .uniqueArray(
      fc.oneof(
        fc.integer({ min: 1, max: 24 }).map((k) => ({ step: k * base })),
        fc
          .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
          .map(([r, k]) => ({ step: r * k * base, resolution: r * base })),
        fc.constant({ step: 'daily', resolution: base }),
        fc.constant({ step: 'monthly' }),
      ),
      { minLength: 1, maxLength: 3, selector: (iv) => JSON.stringify(iv) },
    )
    .map((list) => Object.fromEntries(list.map((iv, n) => [`m${n}`, iv])) as IntervalsOptions);

let prefixes = 0;
const series = (driver: Driver, type: SeriesType, intervals: IntervalsOptions, hashTag = false) =>
  new Timeseries(driver, {
    type,
    intervals,
    hashTag,
    prefix: `dp${Date.now().toString(36)}${(prefixes++).toString(36)}`,
    clock: manualClock(NOW),
  });

async function records(t: Timeseries<SeriesType>): Promise<Omit<DumpRecord, 'ttl'>[]> {
  const out: Omit<DumpRecord, 'ttl'>[] = [];
  for await (const { ttl: _, ...record } of t.dump()) out.push(record);
  const key = (r: Omit<DumpRecord, 'ttl'>) => `${r.name}|${r.interval}|${r.bucket}|${r.resolution}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

async function write(
  t: Timeseries<SeriesType>,
  inserts: readonly [string, number, string | number][],
): Promise<void> {
  const entries = [...inserts]
    .sort((a, b) => a[1] - b[1])
    .map(([name, offset, value]) => [NOW + offset, { [name]: [value] }] as const);
  await t.bulkInsert(entries);
}

function properties(name: string, driver: () => Driver, numRuns: number) {
  describe(`dump, restore and migrate properties: ${name}`, () => {
    it('restore(dump()) is the identity, in either key layout', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...TYPES).chain((type) =>
            fc.record({
              type: fc.constant(type),
              schema: schemaArb,
              inserts: insertsArb(type),
              hashTags: fc.tuple(fc.boolean(), fc.boolean()),
            }),
          ),
          async ({ type, schema, inserts, hashTags }) => {
            const source = series(driver(), type, schema, hashTags[0]);
            await write(source, inserts);
            const copy = series(driver(), type, schema, hashTags[1]);
            const summary = await copy.restore(source.dump());
            const dumped = await records(source);
            expect(summary.buckets).toBe(dumped.length);
            expect(await records(copy)).toEqual(dumped);
            for (const interval of Object.keys(schema)) {
              const range = { start: NOW - 4 * 86_400, end: NOW, condense: true } as const;
              expect(await copy.series(['x', 'y', 'z'], interval, range)).toEqual(
                await source.series(['x', 'y', 'z'], interval, range),
              );
            }
          },
        ),
        { numRuns },
      );
    }, 120_000);

    it('migrating to exact multiples equals writing the same inserts directly', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...TYPES).chain((type) =>
            fc.constantFrom(60, 300).chain((base) =>
              fc.record({
                type: fc.constant(type),
                base: fc.constant(base),
                target: multiplesArb(base),
                inserts: insertsArb(type),
              }),
            ),
          ),
          async ({ type, base, target, inserts }) => {
            const source = series(driver(), type, { base: { step: base } });
            await write(source, inserts);
            const migrated = series(driver(), type, target);
            const report = await migrate(source, migrated);
            const direct = series(driver(), type, target);
            await write(direct, inserts);
            const expected = await records(direct);
            expect(expected.length).toBeGreaterThanOrEqual(1);
            expect(await records(migrated)).toEqual(expected);
            for (const interval of report.intervals) expect(interval.underivable).toBe(0);
          },
        ),
        { numRuns },
      );
    }, 120_000);
  });
}

const mock = mockDriver();
afterAll(() => mock.close());
properties('mock', () => mock, 100);

describe.runIf(useRealRedis('dump properties on a real redis-server'))('real redis-server', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let driver: ReturnType<typeof referenceDriver> | undefined;
  beforeAll(async () => {
    server = await startServer();
    driver = referenceDriver(server.port);
  });
  afterAll(async () => {
    await driver?.close();
    await server?.stop();
  });
  properties('redis-server', () => driver as Driver, 40);
});
