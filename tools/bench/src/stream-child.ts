/**
 * (e) in a process of its own, so that its peak RSS is the streaming's alone:
 * `stream-child.ts <client kind> <port> <points> <now> <scripted|commands>`.
 * Prints one JSON line: { points, ms, peakRssMb, chunksBeforeEnd }.
 */
import { Timeseries } from '@kairos/core';
import { type ClientKind, connect, withScripts } from './clients';
import { INTERVALS, streamEntries } from './dataset';

const [kind, port, points, now, path] = process.argv.slice(2);
const client = await connect(kind as ClientKind, Number(port));
const { driver } = client;
let sent = 0;
const counting: typeof driver = {
  ...driver,
  exec: (commands) => {
    sent++;
    return driver.exec(commands);
  },
};
const series = new Timeseries(withScripts(counting, path === 'scripted'), {
  type: 'series',
  intervals: INTERVALS,
  clock: () => Number(now),
});
const total = Number(points);
let sentBeforeEnd = 0;
async function* source() {
  yield* streamEntries(total, Number(now), 'series');
  // Chunks already sent when the iterable ends: streaming flushes as it goes.
  sentBeforeEnd = sent;
}
const t0 = performance.now();
await series.bulkInsert(source());
const ms = performance.now() - t0;
await client.close();
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ points: total, ms, peakRssMb, chunksBeforeEnd: sentBeforeEnd }));
