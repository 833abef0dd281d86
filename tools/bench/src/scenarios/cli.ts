import { execFile, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Timeseries } from '@kairos/core';
import type { BenchClient } from '../clients';
import { admin, median } from '../measure';
import type { BenchContext } from './context';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../../packages/cli/dist/bin.js', import.meta.url));
const REPEATS = 15;
const BUCKETS = 1440;
const IMPORT_LINES = 1_000_000;
const GRAPH_NAMES = ['api', 'web', 'db', 'cache'];
const INTERVALS = { minute: { step: 60, steps: BUCKETS } };

/** Median wall time (ms) of running a command to its end, `repeats` times. */
async function timed(
  file: string,
  args: readonly string[],
  cwd: string,
  repeats = REPEATS,
): Promise<number> {
  const times: number[] = [];
  for (let n = 0; n < repeats; n++) {
    const t0 = performance.now();
    await run(file, args, { cwd, maxBuffer: 64 << 20 });
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * (f) the `kairos` command, start to finish as a user runs it: `--version` and a fetch of
 * 1,440 buckets beside the bare start of Node; an import of 1,000,000 NDJSON lines beside
 * the library's own bulkInsert of the same values in this process; a graph of 4 × 1,440
 * points to SVG.
 */
export async function cliScenario(ctx: BenchContext, client: BenchClient) {
  const dir = await mkdtemp(join(tmpdir(), 'kairos-bench-cli-'));
  const scenario = (what: string) => `(f) kairos CLI: ${what}`;
  try {
    await admin(ctx.port, ['FLUSHALL']);
    const series = { type: 'series', prefix: 'cli', read: 'number', intervals: INTERVALS };
    await writeFile(
      join(dir, 'kairos.config.json'),
      JSON.stringify({ redis: `redis://127.0.0.1:${ctx.port}`, series: { latency: series } }),
    );
    const node = await timed(process.execPath, ['-e', ''], dir);
    ctx.log(`node -e '': ${node.toFixed(0)} ms`);

    const version = await timed(process.execPath, [BIN, '--version'], dir);
    ctx.record({
      scenario: scenario('kairos --version, median'),
      client: 'ioredis',
      path: 'start to finish',
      value: version,
      unit: 'ms',
      ideal: node,
      target: 300,
      lowerIsBetter: true,
      note: `bare \`node -e ''\`: ${node.toFixed(0)} ms`,
    });

    // 1,440 minute buckets of one value each, ending now; read back by the library in-process for the Redis time.
    const now = Math.floor(Date.now() / 1000);
    const first = (Math.floor(now / 60) - BUCKETS + 1) * 60;
    const t = new Timeseries(client.driver, {
      type: 'series',
      prefix: 'cli',
      read: Number,
      intervals: INTERVALS,
    });
    const entries = (names: readonly string[]) =>
      Array.from(
        { length: BUCKETS },
        (_, n) =>
          [
            first + n * 60,
            Object.fromEntries(names.map((name, k) => [name, [k + Math.sin(n / 40)]])),
          ] as const,
      );
    await t.bulkInsert(entries(GRAPH_NAMES));
    const reads: number[] = [];
    for (let n = 0; n < REPEATS; n++) {
      const t0 = performance.now();
      await t.series('api', 'minute', { end: now, steps: BUCKETS, transform: 'mean' });
      reads.push(performance.now() - t0);
    }
    const redisRead = median(reads);
    const fetchArgs = [
      BIN,
      'fetch',
      'latency',
      'api',
      '-i',
      'minute',
      '-e',
      String(now),
      '-n',
      String(BUCKETS),
      '-t',
      'mean',
      '-f',
      'csv',
    ];
    const fetch = await timed(process.execPath, fetchArgs, dir);
    ctx.record({
      scenario: scenario(`fetch of ${BUCKETS.toLocaleString('en')} buckets (csv), median`),
      client: 'ioredis',
      path: 'start to finish',
      value: fetch,
      unit: 'ms',
      ideal: node,
      target: 300 + redisRead,
      lowerIsBetter: true,
      note: `${(fetch - redisRead).toFixed(0)} ms beyond the Redis time (the same read in-process: ${redisRead.toFixed(1)} ms); target 300 ms beyond it`,
    });

    const svg = join(dir, 'chart.svg');
    const graphArgs = [
      BIN,
      'graph',
      'latency',
      ...GRAPH_NAMES,
      '-i',
      'minute',
      '-e',
      String(now),
      '-n',
      String(BUCKETS),
      '-t',
      'mean',
      '-o',
      svg,
    ];
    const graph = await timed(process.execPath, graphArgs, dir, 5);
    ctx.record({
      scenario: scenario(
        `graph of ${GRAPH_NAMES.length} names × ${BUCKETS.toLocaleString('en')} points to SVG, median`,
      ),
      client: 'ioredis',
      path: 'start to finish',
      value: graph,
      unit: 'ms',
      ideal: node,
      target: 1000,
      lowerIsBetter: true,
    });

    // 1,000,000 lines over 100 names and the last 1,440 minutes.
    const file = join(dir, 'values.ndjson');
    const out = createWriteStream(file);
    for (let n = 0; n < IMPORT_LINES; n += 10_000) {
      let lines = '';
      for (let k = n; k < n + 10_000; k++) {
        lines += `{"name":"host${k % 100}","value":${(k % 997) / 10},"time":${first + (k % BUCKETS) * 60}}\n`;
      }
      if (!out.write(lines))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));
    await admin(ctx.port, ['FLUSHALL']);
    const inProcess: [number, Record<string, number[]>][] = [];
    for (let n = 0; n < IMPORT_LINES; n++)
      inProcess.push([first + (n % BUCKETS) * 60, { [`host${n % 100}`]: [(n % 997) / 10] }]);
    let t0 = performance.now();
    await t.bulkInsert(inProcess);
    const ideal = IMPORT_LINES / ((performance.now() - t0) / 1000);
    inProcess.length = 0;
    await admin(ctx.port, ['FLUSHALL']);
    t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'import', 'latency', file], {
        cwd: dir,
        stdio: 'ignore',
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`kairos import exited ${code}`)),
      );
    });
    const rate = IMPORT_LINES / ((performance.now() - t0) / 1000);
    ctx.record({
      scenario: scenario(`import of ${IMPORT_LINES.toLocaleString('en')} NDJSON lines`),
      client: 'ioredis',
      path: 'start to finish',
      value: rate,
      unit: 'points/s',
      ideal,
      floor: 250_000,
      note: 'ideal: bulkInsert of the same values from an array in this process (no parsing, no start-up)',
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
    await admin(ctx.port, ['FLUSHALL']);
  }
}
