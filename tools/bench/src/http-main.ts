/**
 * `pnpm --filter @kairos-tools/bench http`: the HTTP rows. A day of per-minute counts (1,440
 * rows) read through `GET /api/series` (server in a child process, autocannon as the client)
 * against the same `series()` call in-process at the same concurrency; then 200 connections
 * for 10 s, which must see no error. Writes its section of RESULTS.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createTimeseries } from '@kairos/ioredis';
import { startServer } from '@kairos-tools/redis-server';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { HTTP_INTERVALS, HTTP_NAME, HTTP_ROWS } from './http-data';
import { describeMachine, loadNow } from './machine';
import { writeSection } from './results-file';

const RESULTS = fileURLToPath(new URL('../RESULTS.md', import.meta.url));
const CHILD = fileURLToPath(new URL('./http-server-child.ts', import.meta.url));
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = 10;
const PREFIX = 'bench-http';

const machine = describeMachine();
const log = (message: string) => console.log(`[bench http ${loadNow()}] ${message}`);
const redisServer = await startServer();
const redis = new Redis({ port: redisServer.port, host: '127.0.0.1' });
let child: ChildProcess | undefined;
try {
  const t = createTimeseries(redis, { type: 'count', prefix: PREFIX, intervals: HTTP_INTERVALS });
  const end = Math.floor(Date.now() / 3_600_000) * 3600 - 1;
  const start = end + 1 - HTTP_ROWS * 60;
  await t.bulkInsert(
    Array.from({ length: HTTP_ROWS }, (_, m) => [start + m * 60, { [HTTP_NAME]: [(m % 7) + 1] }]),
  );
  const read = () => t.series(HTTP_NAME, 'hour', { start, end });
  const rows = [...(await read()).values()].reduce(
    (n, hour) => n + (hour as Map<number, number>).size,
    0,
  );
  if (rows !== HTTP_ROWS) throw new Error(`series() read ${rows} rows, expected ${HTTP_ROWS}`);

  log(`in-process series(), ${CONNECTIONS} in flight, ${SECONDS} s …`);
  const inProcess = await callsPerSecond(read, CONNECTIONS, SECONDS * 1000);

  child = spawn(process.execPath, ['--import', 'tsx', CHILD, String(redisServer.port), PREFIX], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { port } = JSON.parse(await firstLine(child)) as { port: number };
  const url = `http://127.0.0.1:${port}/api/series/requests?names=${HTTP_NAME}&interval=hour&from=${start * 1000}&to=${end * 1000 + 999}`;
  const answer = (await (await fetch(url)).json()) as { rows: unknown[] };
  if (answer.rows.length !== HTTP_ROWS) throw new Error(`HTTP read ${answer.rows.length} rows`);

  log(`GET /api/series, ${CONNECTIONS} connections, ${SECONDS} s …`);
  const http = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  log(`200 connections, 10 s …`);
  const crowd = await autocannon({ url, connections: 200, duration: 10, timeout: 20 });
  const failures = (r: autocannon.Result) => r.errors + r.timeouts + r.non2xx;

  const ratio = http.requests.average / inProcess;
  const lines = [
    `Produced by \`pnpm --filter @kairos-tools/bench http\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; load average at the end ${loadNow()}.`,
    `${machine.join('; ')}.`,
    '',
    `One read: a day of one count name in hourly buckets at minute resolution (${HTTP_ROWS.toLocaleString('en')} rows,`,
    '24 hourly keys and 1,440 minute keys). The server runs in a child process; autocannon is the',
    'client. In-process is the same `series()` call on the same redis-server, the same number in flight.',
    '',
    '| scenario | figure | × in-process series() | target | p99 latency | errors |',
    '|---|---|---|---|---|---|',
    `| (f) in-process \`series()\`, ${CONNECTIONS} in flight | ${fmt(inProcess)} reads/s | 1.00× | – | – | – |`,
    `| (f) GET /api/series, ${CONNECTIONS} connections, ${SECONDS} s | ${fmt(http.requests.average)} req/s | ${ratio.toFixed(2)}× | ${ratio >= 0.6 ? 'met' : 'MISSED'} (0.6×) | ${http.latency.p99} ms | ${failures(http)} |`,
    `| (f) GET /api/series, 200 connections, 10 s | ${fmt(crowd.requests.average)} req/s | ${(crowd.requests.average / inProcess).toFixed(2)}× | ${failures(crowd) === 0 ? 'met' : 'MISSED'} (no error) | ${crowd.latency.p99} ms | ${failures(crowd)} |`,
    '',
    'The machine is shared with other work today (see the load average): figures are noisy; the',
    'ratio, measured in the same run, is the figure to read.',
  ];
  console.log(lines.join('\n'));
  await writeSection(RESULTS, 'HTTP: `@kairos/http` against in-process reads', lines);
  log(`wrote ${RESULTS}`);
} finally {
  // The server first, so that it answers its last requests while Redis is still up.
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  redis.disconnect();
  await redisServer.stop();
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en');
}

/** Calls of `run` per second with `inFlight` callers for `ms`. */
async function callsPerSecond(run: () => Promise<unknown>, inFlight: number, ms: number) {
  const stop = performance.now() + ms;
  let calls = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < stop) {
        await run();
        calls++;
      }
    }),
  );
  return calls / (ms / 1000);
}

function firstLine(process: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: process.stdout! });
    lines.once('line', resolve);
    process.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}
