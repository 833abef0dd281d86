/**
 * Dump files on Node: `@kairos/core/dump-file`. Kept out of the main entry, which needs no
 * file system, so that only programs that read or write files load `fs` and `zlib`.
 * @packageDocumentation
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { type Readable, Readable as ReadableStream, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type DumpHeader, type DumpReader, dumpLines, parseDumpLines } from './dump/lines';
import type { DumpRecord } from './dump/record';

/** Where a dump goes or comes from: a file path (gzip when it ends in `.gz`) or a stream. */
export type DumpTarget = string | Writable;

/** A dump source: a file path (gunzipped when it ends in `.gz`) or a stream of its bytes. */
export type DumpSource = string | Readable;

/** True for a path whose dump is gzip-compressed. */
export function isGzipPath(path: string): boolean {
  return path.endsWith('.gz');
}

/**
 * Writes a dump (header, records, end line) to a file or stream; resolves the number of
 * records once everything is flushed. A path ending in `.gz` is written gzip-compressed.
 *
 * @example
 * ```ts
 * await writeDump('backup.ndjson.gz', dumpHeader(t), t.dump());
 * ```
 */
export async function writeDump(
  target: DumpTarget,
  header: DumpHeader,
  records: AsyncIterable<DumpRecord> | Iterable<DumpRecord>,
  onRecord?: (record: DumpRecord) => void,
): Promise<number> {
  let count = 0;
  const counted = (record: DumpRecord) => {
    count += 1;
    onRecord?.(record);
  };
  const text = ReadableStream.from(dumpLines(header, records, counted), { objectMode: false });
  if (typeof target === 'string') {
    const file = createWriteStream(target);
    if (isGzipPath(target)) await pipeline(text, createGzip(), file);
    else await pipeline(text, file);
  } else {
    await pipeline(text, target, { end: target !== process.stdout });
  }
  return count;
}

/**
 * Opens a dump file or stream: resolves its checked header, and its records to iterate
 * (see `parseDumpLines` for the errors, each naming the line). A `.gz` path is gunzipped;
 * a gzip stream that stops short is reported as a truncated dump.
 *
 * @example
 * ```ts
 * const { header, records } = await readDump('backup.ndjson.gz');
 * const summary = await t.restore(records, { dumpedAt: new Date(header.created) });
 * ```
 */
export async function readDump(source: DumpSource): Promise<DumpReader> {
  let input: Readable = typeof source === 'string' ? createReadStream(source) : source;
  if (typeof source === 'string' && isGzipPath(source)) {
    const gunzip = createGunzip();
    input.on('error', (error) => gunzip.destroy(error));
    input = input.pipe(gunzip);
  }
  return parseDumpLines(linesOf(input));
}

/** The lines of a byte stream (UTF-8), without their line breaks; its errors reject. */
async function* linesOf(input: Readable): AsyncGenerator<string> {
  input.setEncoding('utf8');
  // The start of a line still open, in pieces: a long line is joined once, not per chunk.
  let open: string[] = [];
  for await (const chunk of input as AsyncIterable<string>) {
    const parts = chunk.split('\n');
    if (parts.length === 1) {
      open.push(chunk);
      continue;
    }
    open.push(parts[0] as string);
    yield trimCr(open.join(''));
    for (let n = 1; n < parts.length - 1; n++) yield trimCr(parts[n] as string);
    open = [parts[parts.length - 1] as string];
  }
  const last = open.join('');
  if (last !== '') yield trimCr(last);
}

function trimCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
