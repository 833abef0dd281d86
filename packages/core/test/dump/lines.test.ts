import { describe, expect, it } from 'vitest';
import { type DumpHeader, dumpHeader, dumpLines, parseDumpLines } from '../../src/dump/lines';
import type { DumpRecord } from '../../src/dump/record';
import { DumpFormatError } from '../../src/errors';
import { Timeseries } from '../../src/timeseries';
import { recordingDriver } from '../recording-driver';

const header: DumpHeader = {
  kairos: 'dump',
  version: 1,
  series: { type: 'count', intervals: { minute: { step: 60 } } },
  created: '2025-03-12T00:00:00.000Z',
};
const record = (bucket: number): DumpRecord => ({
  name: 'n',
  interval: 'minute',
  type: 'count',
  bucket,
  start: bucket * 60,
  ttl: null,
  data: 1,
});

async function* from(lines: string[]) {
  yield* lines;
}
async function readAll(lines: string[]) {
  const { header: read, records } = await parseDumpLines(from(lines));
  const out: DumpRecord[] = [];
  for await (const r of records) out.push(r);
  return { header: read, records: out };
}
async function text(records: DumpRecord[]) {
  let out = '';
  for await (const chunk of dumpLines(header, records)) out += chunk;
  return out;
}
const failure = (promise: Promise<unknown>) => promise.catch((e: unknown) => e as DumpFormatError);

describe('dump lines', () => {
  it('header, one JSON line per record, and an end line; read back alike', async () => {
    const written = await text([record(1), record(2)]);
    const lines = written.split('\n');
    expect(lines).toEqual([
      JSON.stringify(header),
      JSON.stringify(record(1)),
      JSON.stringify(record(2)),
      '{"kairos":"end","records":2}',
      '',
    ]);
    expect(await readAll(lines)).toEqual({ header, records: [record(1), record(2)] });
  });

  it('large dumps come in chunks of whole lines', async () => {
    const many = Array.from({ length: 5_000 }, (_, n) => record(n));
    const chunks: string[] = [];
    for await (const chunk of dumpLines(header, many)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
  });

  it('the header of a Timeseries: its JSON-safe options and its clock', () => {
    const t = new Timeseries(recordingDriver().driver, {
      type: 'set',
      prefix: 'app',
      read: Number,
      clock: () => 1_741_737_600,
      intervals: { hour: { step: '1h', resolution: 60, steps: 24 } },
    });
    expect(dumpHeader(t)).toEqual({
      kairos: 'dump',
      version: 1,
      series: {
        type: 'set',
        prefix: 'app',
        intervals: { hour: { step: '1h', resolution: 60, steps: 24 } },
      },
      created: '2025-03-12T00:00:00.000Z',
    });
  });

  it.each([
    [[], 1, /the dump is empty/],
    [['nope'], 1, /not JSON/],
    [['[1]'], 1, /must be a JSON object/],
    [['{"kairos":"dump","version":2,"series":{},"created":"x"}'], 1, /version 2 is not supported/],
    [['{"kairos":"dump","version":1}'], 1, /needs "series"/],
  ])('a bad header: %j fails at line %i', async (lines, line, message) => {
    const error = await failure(parseDumpLines(from(lines)));
    expect(error).toBeInstanceOf(DumpFormatError);
    expect((error as DumpFormatError).line).toBe(line);
    expect((error as Error).message).toMatch(message);
  });

  it.each([
    ['a cut line', [JSON.stringify(record(1)), '{"name":'], 3, /not JSON/],
    ['no end line', [JSON.stringify(record(1))], 3, /stops after line 2 without its end line/],
    [
      'a wrong count',
      [JSON.stringify(record(1)), '{"kairos":"end","records":3}'],
      3,
      /counts 3 records, the file holds 1/,
    ],
    ['a line after the end', ['{"kairos":"end","records":0}', '{}'], 3, /after the end line/],
  ])('%s fails with its line number', async (_label, body, line, message) => {
    const error = await failure(readAll([JSON.stringify(header), ...body]));
    expect((error as DumpFormatError).line).toBe(line);
    expect((error as Error).message).toMatch(message);
  });

  it('blank lines (a final newline, CRLF leftovers) are not records', async () => {
    const lines = [
      JSON.stringify(header),
      '',
      JSON.stringify(record(1)),
      '{"kairos":"end","records":1}',
      '',
    ];
    expect((await readAll(lines)).records).toEqual([record(1)]);
  });
});
