/**
 * `pnpm profile`: scenario (a)'s scripted bulk insert alone, through one client
 * (`BENCH_CLIENT`, default ioredis). Node's side: a CPU profile of the timed span only
 * (what `node --cpu-prof` records, without the data set's generation), written to
 * `BENCH_PROFILE` (default bulk-series.cpuprofile) with its top functions printed;
 * the server's side: per-command `INFO commandstats` and the `SLOWLOG` (over 1 ms).
 */
import { writeFile } from 'node:fs/promises';
import { type Profiler, Session } from 'node:inspector/promises';
import { Timeseries } from '@kairos/core';
import { startServer } from '@kairos-tools/redis-server';
import { type ClientKind, connect, withScripts } from './clients';
import { entries, INTERVALS } from './dataset';
import { admin, measure } from './measure';
import { benchOptions } from './options';

const kind = (process.env.BENCH_CLIENT ?? 'ioredis') as ClientKind;
const { points } = benchOptions('');
const server = await startServer({ args: ['--slowlog-log-slower-than', '1000'] });
const client = await connect(kind, server.port);
try {
  const now = Math.floor(Date.now() / 1000);
  const series = new Timeseries(withScripts(client.driver, true), {
    type: 'series',
    intervals: INTERVALS,
    clock: () => now,
  });
  await series.bulkInsert(entries(50_000, now, 'series')); // JIT warm-up
  const data = entries(points, now, 'series');
  await admin(server.port, ['FLUSHALL']);
  await admin(server.port, ['CONFIG', 'RESETSTAT']);
  await admin(server.port, ['SLOWLOG', 'RESET']);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const cost = await measure(server.port, () => series.bulkInsert(data));
  const { profile } = await session.post('Profiler.stop');
  const file = process.env.BENCH_PROFILE ?? 'bulk-series.cpuprofile';
  await writeFile(file, JSON.stringify(profile));
  const perSecond = Math.round(points / (cost.ms / 1000)).toLocaleString('en');
  console.log(
    `${kind}: ${perSecond} points/s (wall ${Math.round(cost.ms)} ms, Node CPU ${Math.round(cost.clientCpuMs)} ms, redis-server CPU ${Math.round(cost.redisCpuMs)} ms)`,
  );
  console.log(`CPU profile: ${file}; self time by function:`);
  for (const [where, ms] of selfTimes(profile).slice(0, 25)) console.log(`  ${ms} ms  ${where}`);
  const stats = String(await admin(server.port, ['INFO', 'commandstats']));
  for (const line of stats.split('\n')) if (line.startsWith('cmdstat_')) console.log(line.trim());
  const slow = (await admin(server.port, ['SLOWLOG', 'GET', '5'])) as unknown[][];
  console.log(`slowlog (over 1 ms): ${await admin(server.port, ['SLOWLOG', 'LEN'])} entries`);
  for (const entry of slow) console.log(`  ${entry[2]} µs: ${String(entry[3]).slice(0, 80)}`);
} finally {
  await client.close();
  await server.stop();
}

/** Self time per function (name, file, line), highest first, in whole ms. */
function selfTimes(profile: Profiler.Profile): [string, number][] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = new Map<string, number>();
  const samples = profile.samples ?? [];
  for (const [i, id] of samples.entries()) {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const where = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    times.set(where, (times.get(where) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  }
  return [...times]
    .map(([where, ms]): [string, number] => [where, Math.round(ms)])
    .sort((a, b) => b[1] - a[1]);
}
