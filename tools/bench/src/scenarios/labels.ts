import { Timeseries } from '@kairos/core';
import type { BenchClient } from '../clients';
import { admin } from '../measure';
import type { BenchContext } from './context';
import { timeEach } from './read';

const NAMES = 100;
const BUCKETS = 1_440;
const intervals = { minute: { step: 60 } };

/**
 * (h): `series()` by a filter matching 100 names × 1,440 minute buckets (a Map per name),
 * against the same read by names: 100 `series(name)` calls at once, each its own pipeline.
 * The filter adds two round trips to the label index; the data of all names then travels
 * in one pipeline.
 */
export async function labelsScenario(ctx: BenchContext, clients: readonly BenchClient[]) {
  const end = Math.floor(ctx.now / 60) * 60 - 60;
  const start = end - (BUCKETS - 1) * 60;
  const names = Array.from({ length: NAMES }, (_, i) => `svc-${i}`);
  for (const client of clients) {
    await admin(ctx.port, ['FLUSHALL']);
    const t = new Timeseries(client.driver, { type: 'count', intervals, clock: () => ctx.now });
    await t.bulkInsert(
      Array.from({ length: BUCKETS }, (_, b) => [
        start + b * 60,
        Object.fromEntries(names.map((name, i) => [name, [(b + i) % 7]])),
      ]),
      { labels: (name) => ({ service: 'api', shard: name.slice(-1) }) },
    );
    const range = { start, end };
    const byFilter = () => t.series({ filter: 'service=api' }, 'minute', range);
    const byNames = () => Promise.all(names.map((name) => t.series(name, 'minute', range)));
    const filtered = await byFilter();
    const named = await byNames();
    if (filtered.size !== NAMES || names.some((n, i) => !same(filtered.get(n), named[i]))) {
      throw new Error('(h) the read by filter differs from the reads by name');
    }
    const namesMs = await timeEach(ctx.options.readRepeats, byNames);
    const filterMs = await timeEach(ctx.options.readRepeats, byFilter);
    const scenario = `(h) series() of ${NAMES} names × ${BUCKETS} buckets by filter vs by names (× ideal: × by names, target 1.3×), median of ${ctx.options.readRepeats}`;
    const base = { scenario, client: client.label, unit: 'ms', lowerIsBetter: true } as const;
    ctx.record({
      ...base,
      path: 'by names (100 series() at once)',
      value: namesMs,
      ideal: namesMs,
    });
    ctx.record({
      ...base,
      path: 'by filter { filter: "service=api" }',
      value: filterMs,
      ideal: namesMs,
      target: 1.3 * namesMs,
    });
  }
  await admin(ctx.port, ['FLUSHALL']);
}

function same(a: Map<number, unknown> | undefined, b: Map<number, unknown> | undefined) {
  if (!a || !b || a.size !== b.size) return false;
  for (const [time, value] of a) if (b.get(time) !== value) return false;
  return true;
}
