/**
 * `pnpm demo`: half an hour of made-up API traffic written into each Kairos series type,
 * then read back per minute and printed as sparklines and small tables.
 *
 * Runs on the in-memory mock of @kairos/testing by default; with REDIS_URL set
 * (e.g. `REDIS_URL=redis://localhost:6379 pnpm demo`) it uses that Redis, under the key
 * prefix `kairos-demo:`, which it clears before and leaves behind after for you to look at.
 */
import type { Timeseries } from '@kairos/core';
import { connect } from './connect';
import { clockTime, num, sparkline, table } from './render';
import { traffic } from './traffic';

const MINUTES = 30;
const now = Date.now() / 1000;
const { requests, queue } = traffic(now, MINUTES);

// Every series shares these intervals: a coarse one (one bucket per minute, kept for
// MINUTES minutes through a Redis TTL) and a fine one (hourly buckets of 5-minute rows).
const intervals = {
  minute: { step: 60, steps: MINUTES },
  hour: { step: '1h', resolution: 300, steps: 24 },
};

const store = await connect().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
console.log(`Kairos demo on ${store.where}`);
console.log(
  `${requests.length} requests over the last ${MINUTES} minutes, read back per minute (UTC).\n`,
);

// Each type gets its own prefix: one Redis holds many time series.
const latency = store.make({ prefix: 'latency', type: 'series', read: Number, intervals });
const status = store.make({ prefix: 'status', type: 'histogram', read: Number, intervals });
const hits = store.make({ prefix: 'hits', type: 'count', intervals });
const depth = store.make({ prefix: 'queue', type: 'gauge', read: Number, intervals });
const users = store.make({ prefix: 'users', type: 'set', intervals });
const all: Timeseries[] = [latency, status, hits, depth, users];
for (const t of all) await t.deleteAll(); // a rerun on a real Redis starts clean

// One bulkInsert per series: entries of [timestamp, { name: values }], sent in pipelines.
await latency.bulkInsert(requests.map((r) => [r.at, { api: [r.latencyMs] }]));
await status.bulkInsert(requests.map((r) => [r.at, { api: [r.status] }]));
await hits.bulkInsert(requests.map((r) => [r.at, { [r.page]: [1] }]));
await depth.bulkInsert(queue.map((s) => [s.at, { jobs: [s.depth] }]));
await users.bulkInsert(requests.map((r) => [r.at, { [r.page]: [r.user] }]));

/** Prints a titled sparkline of per-minute values, with their range. */
function line(title: string, rows: Map<number, number | null>, unit = '') {
  const values = [...rows.values()];
  const present = values.filter((v): v is number => v !== null);
  const range = `${num(Math.min(...present))}–${num(Math.max(...present))}${unit}`;
  console.log(`  ${title.padEnd(26)} ${sparkline(values)}  ${range}`);
}

/** The last `n` entries of a Map, for the tables. */
const last = <V>(rows: Map<number, V>, n = 8) => [...rows].slice(-n);

// series: every latency value, in order. Transforms reduce each minute to statistics.
console.log("series 'latency:api' — every value, in arrival order");
const stats = await latency.series('api', 'minute', {
  transform: ['count', 'median', 'p95', 'max'],
});
line('p95 per minute', new Map([...stats].map(([t, s]) => [t, s.p95])), ' ms');
console.log(
  table(
    ['minute', 'requests', 'median ms', 'p95 ms', 'max ms'],
    last(stats).map(([t, s]) => [
      clockTime(t),
      num(s.count),
      num(s.median),
      num(s.p95),
      num(s.max),
    ]),
  ),
);

// histogram: a count per distinct value. `collapse` merges the whole range into one Map.
console.log("\nhistogram 'status:api' — a count per status code");
const codes = await status.series('api', 'minute', { transform: (m) => m.get(500) ?? 0 });
line('500s per minute', codes);
const [[, total] = [0, new Map<number, number>()]] = await status.series('api', 'minute', {
  collapse: true,
});
console.log(
  table(
    ['status', `last ${MINUTES} min`],
    [...total].sort(([a], [b]) => a - b).map(([code, n]) => [String(code), String(n)]),
  ),
);

// count: one number per bucket. Two names read together are added up (a "join").
console.log("\ncount 'hits:home' + 'hits:pricing' — page views, joined");
line('views per minute', await hits.series(['home', 'pricing'], 'minute'));
// The fine `hour` interval keeps 5-minute rows inside each hourly bucket…
const hours = await hits.series('home', 'hour', { steps: 2 });
const rows = [...hours].flatMap(([h, inHour]) =>
  [...inHour].map(([t, n]) => [clockTime(h), clockTime(t), String(n)]),
);
console.log("  'home' in the fine interval `hour` (5-minute rows):");
console.log(table(['hour', 'row', 'views'], rows));
// …and `condense` merges them into one value per hour; `rate` divides it by 3,600 s.
const perHour = await hits.series('home', 'hour', { steps: 2, condense: true, transform: 'rate' });
const perSecond = [...perHour].map(([h, r]) => `${clockTime(h)} ${r.toFixed(3)}/s`);
console.log(`    condensed, as a rate: ${perSecond.join(', ')}`);

// gauge: the last value written in each bucket; an empty bucket is null.
console.log("\ngauge 'queue:jobs' — the last value of each minute");
line('queue depth', await depth.series('jobs', 'minute'), ' jobs');
const [[, current] = [0, null]] = await depth.get('jobs', 'minute'); // get(): the bucket of "now"
console.log(`    this minute: ${num(current)} jobs`);

// set: distinct values. The `count` transform gives unique users; joined names unite sets.
console.log("\nset 'users:home', 'users:pricing' — distinct users");
line(
  'unique users per minute',
  await users.series(['home', 'pricing'], 'minute', { transform: 'count' }),
);
const unique = await users.series(['home', 'pricing'], 'minute', {
  collapse: true,
  transform: 'count',
});
console.log(`    unique over ${MINUTES} minutes: ${[...unique.values()][0]}`);
console.log(`\nSeries names: ${(await hits.list()).join(', ')} (list() scans the keys).`);

await store.close();
