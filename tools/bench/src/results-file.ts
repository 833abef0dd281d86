import { readFile, writeFile } from 'node:fs/promises';
import type { Ceilings } from './ceilings';
import type { BenchOptions } from './options';
import { ceilingsTable, table } from './report';
import type { Row } from './report-row';
import { WHERE_THE_TIME_GOES } from './where-the-time-goes';

/** Everything RESULTS.md is made of. */
export interface Results {
  readonly machine: readonly string[];
  readonly ceilings: Ceilings;
  readonly rows: readonly Row[];
  readonly options: BenchOptions;
  readonly minutes: number;
  readonly load: string;
}

/** Writes RESULTS.md: the machine, the ceilings, the table, and what bounds each miss. */
export async function writeResults(file: string, results: Results): Promise<void> {
  const { machine, ceilings, rows, options, minutes, load } = results;
  const text = [
    '# Kairos benchmark results',
    '',
    `Produced by \`pnpm bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${minutes.toFixed(1)} min. Do not edit by hand: run it again.`,
    '',
    // BENCH_NOTE: what the run's figures should be read with (a shared, busy machine …).
    ...(process.env.BENCH_NOTE ? [`**Note:** ${process.env.BENCH_NOTE}`, ''] : []),
    '## Machine',
    '',
    ...machine.map((line) => `- ${line}`),
    `- Load average at the end (1 min): ${load}`,
    '',
    `Sizes: ${options.points.toLocaleString('en')} bulk points, ${options.concurrentPoints.toLocaleString('en')} concurrent points (${options.concurrency} in flight), ${options.streamPoints.toLocaleString('en')} streamed points, ${options.dumpValues.toLocaleString('en')} values dumped and restored (${options.dumpFileValues.toLocaleString('en')} through files), reads repeated ${options.readRepeats}×, redis-benchmark ${options.redisBenchmarkRequests.toLocaleString('en')} requests per command.`,
    '',
    '## Ceilings: `redis-benchmark -P 100` on the same server',
    '',
    ceilingsTable(ceilings),
    '',
    '## Figures',
    '',
    'Each figure with its ratio to both ceilings: redis-benchmark (single-value commands, 100 deep) and',
    'the hand-written pipeline of the minimal coalesced commands through the same client (for (d): one',
    'raw pipeline reading the same keys). Throughput: higher is better; ms and MB: lower is better.',
    'Client and redis CPU are over the timed span; when client CPU is close to the wall time, the',
    'Node process (client library + Kairos) is the bound, not Redis.',
    '',
    table(rows),
    '',
    ...bounds(rows),
    ...NOTES,
  ].join('\n');
  await writeFile(file, `${text}\n${await sections(file)}`);
}

const SECTION = /<!-- section: (.+?) -->[\s\S]*?<!-- end of section -->\n/g;

/** The sections other runs wrote into `file` (kept when the main bench rewrites it). */
async function sections(file: string): Promise<string> {
  const old = await readFile(file, 'utf8').catch(() => '');
  return [...old.matchAll(SECTION)].map((match) => match[0]).join('');
}

/**
 * Writes (or replaces) a section of its own at the end of `file`, for a bench run apart from
 * the main one (`http-main.ts`); the main run keeps it.
 */
export async function writeSection(file: string, title: string, lines: readonly string[]) {
  const old = await readFile(file, 'utf8').catch(() => '');
  const mark = `<!-- section: ${title} -->`;
  const kept = old.replace(SECTION, (match, name) => (name === title ? '' : match));
  const section = [mark, `## ${title}`, '', ...lines, '<!-- end of section -->', ''].join('\n');
  await writeFile(file, `${kept.trimEnd()}\n\n${section}`);
}

/** How to read the figures; true of the design, whatever the run. */
const NOTES = [
  '## How the write path was chosen',
  '',
  '- "Kairos, coalesced commands" sends the coalesced commands of docs/ARCHITECTURE.md (one RPUSH/SADD per key,',
  '  summed INCRBYFLOAT/HINCRBY, last SET, one EXPIRE per key) as one pipeline per 10,000-value chunk.',
  "  Its bound is the client's cost per command and per argument (ioredis most of all), which is why it",
  '  stays near the hand-written pipeline and cannot pass it.',
  '- "Kairos, scripted" sends the same coalesced commands as scripts of at most 4,096 arguments in one',
  "  pipeline per chunk (per hash tag on a cluster): keys declared, each script's operations in one JSON",
  "  argument decoded by Redis' bundled cjson. The first script of each hash tag in a pipeline is an",
  '  `EVAL` (it loads the script), the others `EVALSHA`s, so none meets `NOSCRIPT`. The client handles a',
  '  few thousand keys and a few strings instead of ~25,000 arguments; Redis pays for the JSON decode and',
  '  the Lua calls (about 1.5–2× its CPU for plain commands). It is the default of both adapters',
  '  (`{ scripts: false }` turns it off); the mock keeps plain commands.',
  '- While Redis runs chunk k, Node plans chunk k+1 (one chunk in flight, sent after the previous one',
  '  succeeded), so a bulk insert costs about max(Node CPU, Redis CPU), not their sum.',
  '- Concurrent `insert` calls of one turn of the event loop share coalesced pipelines of 32 values',
  '  (EVALs when scripted). With one pipeline per turn, Node and Redis took turns (every caller resumed',
  '  at once); with several, ioredis hands back the first replies while Redis runs the later ones, so',
  "  Node plans while Redis works. node-redis writes and reads a turn's pipelines together, so it gains",
  '  less. Client auto-pipelining alone does not help: per-command client cost, not round trips, bounds it.',
  '- Remaining bounds: Node planning and Redis executing the script, see below. On 2 cores they run',
  '  side by side only when nothing else runs: on a quiet machine a bulk insert tops out near',
  '  1/max(Node CPU, Redis CPU); with other work on the cores (see the load average) it tends to their sum.',
  '- The hand-written pipeline is built before the clock starts: its figure is the cost of sending',
  '  alone. node-redis sends the precomputed commands of 1 M series points in about 1.1–1.4 s, so the',
  '  0.8× floor leaves Kairos 0.3 s for everything it does before sending, while planning alone',
  '  (checks, bucket math, coalescing: measured with a driver that answers at once) takes about 0.6 s.',
  '  With ioredis, whose per-argument cost is higher, the scripted path passes the same pipeline.',
  '',
  ...WHERE_THE_TIME_GOES,
];

/** One line per floor or target missed, with the CPU split that bounds it. */
export function bounds(rows: readonly Row[]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    for (const [what, bound] of [
      ['floor', row.floor],
      ['target', row.target],
    ] as const) {
      if (bound === undefined) continue;
      const ok = row.lowerIsBetter ? row.value <= bound : row.value >= bound;
      if (ok) continue;
      const cost = row.cost;
      const split = cost
        ? `wall ${Math.round(cost.ms)} ms, Node CPU ${Math.round(cost.clientCpuMs)} ms, redis-server CPU ${Math.round(cost.redisCpuMs)} ms`
        : 'no CPU figures';
      out.push(`- ${row.scenario}, ${row.client}, ${row.path}: ${what} missed (${split}).`);
    }
  }
  return out.length ? ['## Missed floors and targets', '', ...out, ''] : [];
}
