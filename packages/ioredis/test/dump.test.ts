import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  DumpFormatError,
  dumpHeader,
  InvalidRecordError,
  type SeriesType,
  type Timeseries,
} from '@kairos/core';
import { readDump, writeDump } from '@kairos/core/dump-file';
import type { Cluster, Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createTimeseries } from '../src/index';
import { clusterClient, standaloneClient, targets, uniquePrefix } from './clients';

// Moving data between layouts through dump files: a single Redis into the cluster's hash-tag
// layout and back, under other prefixes, plain and gzip; truncated and corrupt files.

const NOW = 1_741_737_600;
const clock = () => NOW;
const intervals = {
  minute: { step: 60, steps: 180 },
  hour: { step: '1h', resolution: 60 },
  day: { step: 'daily' },
};
const TYPES: readonly SeriesType[] = ['series', 'histogram', 'count', 'gauge', 'set'];

async function fill(t: Timeseries<SeriesType>, type: SeriesType) {
  const entries: [number, Record<string, (string | number)[]>][] = [];
  for (let k = 0; k < 300; k++) {
    const value = type === 'count' ? (k % 4) + 0.5 : k % 9 === 0 ? `s${k % 4}` : k % 11;
    entries.push([NOW - 7_200 + k * 23, { [`n${k % 5}`]: [value] }]);
  }
  await t.bulkInsert(entries);
}

async function sameReads(a: Timeseries<SeriesType>, b: Timeseries<SeriesType>) {
  expect(await b.list()).toEqual(await a.list());
  for (const name of await a.list()) {
    expect(await b.properties(name)).toEqual(await a.properties(name));
    for (const interval of Object.keys(intervals)) {
      const range = { start: NOW - 3 * 3_600, end: NOW };
      expect(await b.series(name, interval, range)).toEqual(await a.series(name, interval, range));
    }
  }
}

describe.runIf(targets.available)('dump files across layouts (ioredis)', () => {
  const single = targets.available ? standaloneClient() : undefined;
  const cluster = targets.available ? clusterClient() : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'kairos-dump-'));
  afterAll(() => {
    single?.disconnect();
    cluster?.disconnect();
    rmSync(dir, { recursive: true, force: true });
  });
  const on = (client: Redis | Cluster, type: SeriesType, prefix = uniquePrefix()) =>
    createTimeseries(client, { type, intervals, prefix, clock });

  it.each(TYPES)('%s: single Redis → file → cluster → file.gz → single Redis', async (type) => {
    const source = on(single!, type);
    await fill(source, type);
    const file = join(dir, `${type}.ndjson`);
    const written = await writeDump(file, dumpHeader(source), source.dump());
    const inCluster = on(cluster!, type);
    const first = await readDump(file);
    expect(first.header.series).toEqual({ type, intervals, prefix: expect.any(String) });
    const summary = await inCluster.restore(first.records, {
      dumpedAt: new Date(first.header.created),
    });
    expect(summary.buckets).toBe(written);
    await sameReads(source, inCluster);

    const gz = join(dir, `${type}.ndjson.gz`);
    await writeDump(gz, dumpHeader(inCluster), inCluster.dump());
    expect(readFileSync(gz)[0]).toBe(0x1f); // gzip magic
    const back = on(single!, type);
    const second = await readDump(gz);
    await back.restore(second.records);
    await sameReads(source, back);
  });

  it('a restore into another prefix of the cluster, run twice, is the same', async () => {
    const source = on(single!, 'histogram');
    await fill(source, 'histogram');
    const file = join(dir, 'twice.ndjson');
    await writeDump(file, dumpHeader(source), source.dump());
    const target = on(cluster!, 'histogram');
    const other = uniquePrefix();
    const once = await target.restore((await readDump(file)).records, { prefix: other });
    const twice = await target.restore((await readDump(file)).records, { prefix: other });
    expect(twice).toEqual(once);
    await sameReads(source, on(cluster!, 'histogram', other));
  });

  it('a truncated file fails with the line number; the chunks before it are written', async () => {
    const source = on(single!, 'series');
    const entries: [number, Record<string, number[]>][] = [];
    for (let m = 0; m < 100; m++) entries.push([NOW - 6_000 + m * 60, { a: Array(300).fill(m) }]);
    await source.bulkInsert(entries);
    const file = join(dir, 'cut.ndjson');
    await writeDump(file, dumpHeader(source), source.dump('a', { intervals: ['minute'] }));
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.length).toBe(100 + 3); // header, 100 records, end line, final newline
    // Cut in the middle of line 61 (record 60): records 1–59 parse, 40 chunks' worth came first.
    const cut = join(dir, 'cut-mid.ndjson');
    writeFileSync(cut, `${lines.slice(0, 60).join('\n')}\n${lines[60]?.slice(0, 50)}`);
    const target = on(single!, 'series');
    const error = await target.restore((await readDump(cut)).records).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DumpFormatError);
    expect((error as DumpFormatError).line).toBe(61);
    // Chunks of 10,000 values: records 1–34 were one chunk, written whole before line 61 was
    // read; records 35–59 were the next chunk, not sent.
    const read = await target.series('a', 'minute', { start: NOW - 6_000, end: NOW });
    const kept = [...(read as Map<number, string[]>).values()];
    expect(kept.filter((values) => values.length === 300).length).toBe(34);
    expect(kept.filter((values) => values.length !== 300 && values.length !== 0)).toEqual([]);

    // Cut at a line boundary: only the missing end line tells.
    const clean = join(dir, 'cut-line.ndjson');
    writeFileSync(clean, `${lines.slice(0, 60).join('\n')}\n`);
    const atLine = await target.restore((await readDump(clean)).records).catch((e: unknown) => e);
    expect((atLine as Error).message).toMatch(
      /line 61: the dump stops after line 60 without its end line/,
    );

    // A gzip file cut short.
    const gz = readFileSync(file);
    const cutGz = join(dir, 'cut.ndjson.gz');
    const zipped = gzipSync(gz);
    writeFileSync(cutGz, zipped.subarray(0, zipped.length - 40));
    const gzError = await readDump(cutGz)
      .then(({ records }) => target.restore(records))
      .catch((e: unknown) => e);
    expect((gzError as Error).message).toMatch(/unexpected end of file|truncated/i);
  });

  it('a corrupt line and a bad record are named by their line', async () => {
    const source = on(single!, 'count');
    await fill(source, 'count');
    const file = join(dir, 'bad.ndjson');
    await writeDump(file, dumpHeader(source), source.dump());
    const lines = readFileSync(file, 'utf8').split('\n');
    const target = on(single!, 'count');

    const corrupt = join(dir, 'corrupt.ndjson');
    writeFileSync(corrupt, [...lines.slice(0, 5), '{"name": "n1", ', ...lines.slice(6)].join('\n'));
    const notJson = await target
      .restore((await readDump(corrupt)).records)
      .catch((e: unknown) => e);
    expect((notJson as DumpFormatError).line).toBe(6);
    expect((notJson as Error).message).toMatch(/^dump line 6: not JSON/);

    const record = JSON.parse(lines[6] as string);
    const badRecord = join(dir, 'bad-record.ndjson');
    writeFileSync(
      badRecord,
      [...lines.slice(0, 6), JSON.stringify({ ...record, data: 'many' }), ...lines.slice(7)].join(
        '\n',
      ),
    );
    const bad = await target.restore((await readDump(badRecord)).records).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InvalidRecordError);
    expect((bad as InvalidRecordError).record + 1).toBe(7); // record 6 is line 7
    // Every record shares one chunk here (fewer than 10,000 values): nothing was written.
    expect(await target.list()).toEqual([]);

    const notDump = join(dir, 'not-a-dump.ndjson');
    writeFileSync(notDump, '{"hello": 1}\n');
    const header = await readDump(notDump).catch((e: unknown) => e);
    expect((header as Error).message).toMatch(/^dump line 1: not a kairos dump/);
  });
});
