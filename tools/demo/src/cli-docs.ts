/**
 * `pnpm --filter @kairos-tools/demo cli-docs`: regenerates the "Command line" section of the
 * root README and its chart. Starts a throwaway redis-server, writes the demo's traffic into
 * it (`pnpm demo` with REDIS_URL), runs the built `kairos` command on that data, and puts the
 * real transcript between the README's markers and the chart under docs/cli/.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startServer } from '@kairos-tools/redis-server';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/dist/bin.js');
const CHART = 'docs/cli/latency.png';
const START = '<!-- kairos-transcript:start -->';
const END = '<!-- kairos-transcript:end -->';

/** The demo's series as a kairos.config.json sees them (the demo writes under `kairos-demo:`). */
function config(port: number) {
  const intervals = {
    minute: { step: 60, steps: 30 },
    hour: { step: '1h', resolution: 300, steps: 24 },
  };
  const entry = (type: string, prefix: string, read?: string) => ({
    type,
    prefix: `kairos-demo:${prefix}`,
    ...(read ? { read } : {}),
    intervals,
  });
  return {
    redis: `redis://127.0.0.1:${port}`,
    series: {
      latency: entry('series', 'latency', 'number'),
      status: entry('histogram', 'status', 'number'),
      hits: entry('count', 'hits'),
      queue: entry('gauge', 'queue', 'number'),
      users: entry('set', 'users'),
    },
  };
}

/** The commands shown, as typed after `kairos`. */
const COMMANDS = [
  ['list', 'hits'],
  [
    'fetch',
    'latency',
    'api',
    '--interval',
    'minute',
    '--start',
    '-8m',
    '--transform',
    'count,median,p95',
  ],
  [
    'fetch',
    'hits',
    'home',
    'pricing',
    '--interval',
    'minute',
    '--steps',
    '4',
    '--each',
    '--format',
    'csv',
  ],
  ['fetch', 'queue', 'jobs', '--interval', 'minute', '--steps', '3', '--format', 'json'],
  ['info', 'latency', 'api'],
  [
    'graph',
    'latency',
    'api',
    '--interval',
    'minute',
    '--transform',
    'median,p95,max',
    '--title',
    'API latency (ms), last 30 minutes',
    '--width',
    '800',
    '--height',
    '320',
    '--out',
    CHART,
  ],
];

const server = await startServer();
const dir = await mkdtemp(join(tmpdir(), 'kairos-cli-docs-'));
try {
  const env = { ...process.env, REDIS_URL: `redis://127.0.0.1:${server.port}`, TZ: 'UTC' };
  await run(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL('demo.ts', import.meta.url))],
    { env },
  );
  await writeFile(join(dir, 'kairos.config.json'), JSON.stringify(config(server.port), null, 2));
  await mkdir(join(ROOT, 'docs/cli'), { recursive: true });
  const transcript: string[] = [];
  for (const args of COMMANDS) {
    // Relative paths (the chart) resolve from the repository root.
    const { stdout } = await run(
      process.execPath,
      [BIN, '--config', join(dir, 'kairos.config.json'), ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', TZ: 'UTC' },
      },
    );
    const shown = args.map((a) => (/[\s,()]/.test(a) ? `'${a}'` : a)).join(' ');
    transcript.push(`$ kairos ${shown}`, ...(stdout ? [stdout.trimEnd()] : []));
  }
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} markers`);
  const block = `${START}\n\n\`\`\`console\n${transcript.join('\n')}\n\`\`\`\n\n![${'API latency drawn by kairos graph'}](${CHART})\n\n${END}`;
  await writeFile(
    join(ROOT, 'README.md'),
    readme.slice(0, from) + block + readme.slice(to + END.length),
  );
  console.log(`README.md: transcript of ${COMMANDS.length} commands; ${CHART} written`);
} finally {
  await rm(dir, { recursive: true, force: true });
  await server.stop();
}
