/**
 * (g) through files, in a process of its own so that its peak RSS is the dump's or the
 * restore's alone: `dump-child.ts <load|dump|restore> <client kind> <port> <values> <now> <file>`.
 * Prints one JSON line: { values, ms, peakRssMb, fileMb }.
 */
import { statSync } from 'node:fs';
import { dumpHeader, Timeseries } from '@kairos/core';
import { readDump, writeDump } from '@kairos/core/dump-file';
import { type ClientKind, connect } from './clients';
import { INTERVALS, streamEntries } from './dataset';

const [mode, kind, port, values, now, file] = process.argv.slice(2) as [
  'load' | 'dump' | 'restore',
  ClientKind,
  string,
  string,
  string,
  string,
];
const client = await connect(kind, Number(port));
const series = (prefix: string) =>
  new Timeseries(client.driver, {
    type: 'series',
    intervals: INTERVALS,
    prefix,
    clock: () => Number(now),
  });
const total = Number(values);
let moved = 0;
const t0 = performance.now();
if (mode === 'load') {
  await series('src').bulkInsert(streamEntries(total / 2, Number(now), 'series'));
  moved = total;
} else if (mode === 'dump') {
  const source = series('src');
  await writeDump(file, dumpHeader(source), source.dump(), (record) => {
    moved += Array.isArray(record.data) ? record.data.length : 0;
  });
} else {
  const { records } = await readDump(file);
  moved = (await series('dst').restore(records)).values;
}
const ms = performance.now() - t0;
await client.close();
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const fileMb = mode === 'load' ? 0 : statSync(file).size / 2 ** 20;
console.log(JSON.stringify({ values: moved, ms, peakRssMb, fileMb }));
