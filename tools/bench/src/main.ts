/**
 * `pnpm bench`: starts a private redis-server, measures the ceilings (redis-benchmark -P 100
 * and hand-written pipelines through the same clients), then Kairos in scenarios (a)–(i)
 * with both adapters, prints a table and writes RESULTS.md. Sizes: see options.ts.
 */
import { fileURLToPath } from 'node:url';
import { startServer } from '@kairos-tools/redis-server';
import { redisBenchmark } from './ceilings';
import { type BenchClient, type ClientKind, connect } from './clients';
import { describeMachine, loadNow } from './machine';
import { benchOptions } from './options';
import { ceilingsTable, table } from './report';
import type { Row } from './report-row';
import { writeResults } from './results-file';
import { bulkScenario } from './scenarios/bulk';
import { cliScenario } from './scenarios/cli';
import { concurrentScenario } from './scenarios/concurrent';
import type { BenchContext } from './scenarios/context';
import { dumpScenario } from './scenarios/dump';
import { exactlyOnceScenario } from './scenarios/exactly-once';
import { labelsScenario } from './scenarios/labels';
import { readScenario } from './scenarios/read';
import { streamScenario } from './scenarios/stream';
import { updateResults } from './update-results';

const options = benchOptions(fileURLToPath(new URL('../RESULTS.md', import.meta.url)));
const only = new Set((process.env.BENCH_ONLY ?? 'a,b,c,d,e,f,g,h,i').split(','));
const machine = describeMachine();
const log = (message: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)} load ${loadNow()}] ${message}`);
for (const line of machine) console.log(line);

// The debug command gives a digest of each value, to check that paths wrote the same data.
const server = await startServer({ args: ['--enable-debug-command', 'local'] });
const clients: BenchClient[] = [];
const started = Date.now();
try {
  log(`redis-server on port ${server.port}; redis-benchmark -P 100 …`);
  const ceilings = await redisBenchmark(server.port, options.redisBenchmarkRequests);
  console.log(ceilingsTable(ceilings));
  const rows: Row[] = [];
  const ctx: BenchContext = {
    port: server.port,
    options,
    ceilings,
    now: Math.floor(Date.now() / 1000),
    record(row) {
      rows.push(row);
      log(
        `${row.scenario} | ${row.client} | ${row.path}: ${Math.round(row.value * 100) / 100} ${row.unit}${row.note ? ` — ${row.note}` : ''}`,
      );
    },
    log,
  };
  for (const kind of ['ioredis', 'node-redis'] as const)
    clients.push(await connect(kind, server.port));
  if (only.has('a')) await bulkScenario(ctx, clients, 'series');
  if (only.has('b')) {
    await bulkScenario(ctx, clients, 'count');
    await bulkScenario(ctx, clients, 'histogram');
  }
  if (only.has('c')) {
    const auto = await connect('ioredis-auto', server.port);
    clients.push(auto);
    await concurrentScenario(ctx, [clients[0]!, auto, clients[1]!]);
  }
  if (only.has('d')) await readScenario(ctx, clients.slice(0, 2));
  if (only.has('e')) await streamScenario(ctx, ['ioredis', 'node-redis'] satisfies ClientKind[]);
  if (only.has('f')) await cliScenario(ctx, clients[0]!);
  if (only.has('g')) await dumpScenario(ctx, clients.slice(0, 2));
  if (only.has('h')) await labelsScenario(ctx, clients.slice(0, 2));
  if (only.has('i')) await exactlyOnceScenario(ctx, clients.slice(0, 2));
  const minutes = (Date.now() - started) / 60_000;
  console.log(`\n${table(rows)}\n`);
  if (options.resultsFile && process.env.BENCH_ONLY) {
    await updateResults(options.resultsFile, {
      letters: [...only].sort(),
      rows,
      loadAtStart: machine.find((line) => line.startsWith('Load average'))?.split(': ')[1] ?? '?',
      loadAtEnd: loadNow(),
    });
    log(`updated the rows of ${[...only].join(',')} in ${options.resultsFile}`);
  } else if (options.resultsFile) {
    await writeResults(options.resultsFile, {
      machine,
      ceilings,
      rows,
      options,
      minutes,
      load: loadNow(),
    });
    log(`wrote ${options.resultsFile}`);
  }
} finally {
  await Promise.allSettled(clients.map((client) => client.close()));
  await server.stop();
}
