import { writeFile } from 'node:fs/promises';
import type { Ceilings } from './ceilings';
import type { BenchOptions } from './options';
import { ceilingsTable, table } from './report';
import type { Row } from './report-row';

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
    '## Machine',
    '',
    ...machine.map((line) => `- ${line}`),
    `- Load average at the end (1 min): ${load}`,
    '',
    `Sizes: ${options.points.toLocaleString('en')} bulk points, ${options.concurrentPoints.toLocaleString('en')} concurrent points (${options.concurrency} in flight), ${options.streamPoints.toLocaleString('en')} streamed points, reads repeated ${options.readRepeats}×, redis-benchmark ${options.redisBenchmarkRequests.toLocaleString('en')} requests per command.`,
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
  ].join('\n');
  await writeFile(file, `${text}\n`);
}

/** One line per floor or target missed, with the CPU split that bounds it. */
function bounds(rows: readonly Row[]): string[] {
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
