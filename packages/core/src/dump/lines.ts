import { DumpFormatError } from '../errors';
import { internalsOf, type SeriesDescription } from './internals';
import type { DumpRecord } from './record';

/** The first line of a dump file (format version 1, see docs/DUMP-FORMAT.md). */
export interface DumpHeader {
  kairos: 'dump';
  version: 1;
  /** The options of the series dumped, as JSON holds them (no functions). */
  series: SeriesDescription;
  /** When the dump began, ISO 8601 (UTC), by the series' clock. */
  created: string;
}

/** The last line of a dump file: its absence tells a truncated file. */
export interface DumpEnd {
  kairos: 'end';
  /** Record lines in the file. */
  records: number;
}

/**
 * The header of a dump of `series` (a Timeseries), dated now by its clock.
 *
 * @example
 * ```ts
 * const header = dumpHeader(t); // { kairos: 'dump', version: 1, series: { type: 'count', … }, created: '…' }
 * ```
 */
export function dumpHeader(series: object): DumpHeader {
  const { config, description } = internalsOf(series);
  return {
    kairos: 'dump',
    version: 1,
    series: description,
    created: new Date(config.clock() * 1000).toISOString(),
  };
}

/** Lines joined per chunk of text handed on: few, large writes. */
const CHUNK_CHARS = 1 << 16;

/**
 * A dump as text, in chunks of whole lines: the header, one JSON line per record, the end line.
 * `onRecord` is called after each record (for progress).
 *
 * @example
 * ```ts
 * for await (const text of dumpLines(dumpHeader(t), t.dump())) process.stdout.write(text);
 * ```
 */
export async function* dumpLines(
  header: DumpHeader,
  records: AsyncIterable<DumpRecord> | Iterable<DumpRecord>,
  onRecord?: (record: DumpRecord) => void,
): AsyncGenerator<string> {
  let text = `${JSON.stringify(header)}\n`;
  let count = 0;
  for await (const record of records) {
    text += `${JSON.stringify(record)}\n`;
    count += 1;
    onRecord?.(record);
    if (text.length >= CHUNK_CHARS) {
      yield text;
      text = '';
    }
  }
  const end: DumpEnd = { kairos: 'end', records: count };
  yield `${text}${JSON.stringify(end)}\n`;
}

/** A dump read back: its header, and its records as they are read. */
export interface DumpReader {
  header: DumpHeader;
  /** The records; iterating fails with DumpFormatError on a bad line or a missing end line. */
  records: AsyncIterable<DumpRecord>;
}

/**
 * Parses a dump from its lines (without their line breaks): reads and checks the header at
 * once, then yields the records as they are iterated. Every problem is a DumpFormatError
 * naming the line: a header that is not a version 1 dump header, a line that is not a JSON
 * object, a line after the end line, a record count that disagrees with the end line, or
 * lines that stop before the end line (a truncated file).
 *
 * @example
 * ```ts
 * const { header, records } = await parseDumpLines(lines);
 * await t.restore(records, { dumpedAt: new Date(header.created) });
 * ```
 */
export async function parseDumpLines(lines: AsyncIterable<string>): Promise<DumpReader> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new DumpFormatError(1, 'the dump is empty (no header line)');
  const header = parseLine(first.value, 1) as Partial<DumpHeader>;
  if (header.kairos !== 'dump') {
    throw new DumpFormatError(1, 'not a kairos dump (the header needs "kairos": "dump")');
  }
  if (header.version !== 1) {
    throw new DumpFormatError(
      1,
      `dump format version ${JSON.stringify(header.version)} is not supported (this reads version 1)`,
    );
  }
  if (!header.series || typeof header.series !== 'object' || typeof header.created !== 'string') {
    throw new DumpFormatError(1, 'the header needs "series" (an object) and "created" (a date)');
  }
  const records: AsyncIterable<DumpRecord> = {
    async *[Symbol.asyncIterator]() {
      let line = 1;
      let count = 0;
      let ended = false;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        line += 1;
        if (next.value === '' && !ended) continue;
        if (ended) {
          if (next.value === '') continue;
          throw new DumpFormatError(line, 'a line after the end line');
        }
        const value = parseLine(next.value, line) as DumpRecord | DumpEnd;
        if ('kairos' in value) {
          if (value.kairos !== 'end' || value.records !== count) {
            throw new DumpFormatError(
              line,
              value.kairos === 'end'
                ? `the end line counts ${JSON.stringify(value.records)} records, the file holds ${count}`
                : `unexpected control line ${JSON.stringify(value.kairos)}`,
            );
          }
          ended = true;
          continue;
        }
        count += 1;
        yield value;
      }
      if (!ended) {
        throw new DumpFormatError(
          line + 1,
          `the dump stops after line ${line} without its end line (truncated?)`,
        );
      }
    },
  };
  return { header: header as DumpHeader, records };
}

function parseLine(text: string, line: number): object {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DumpFormatError(line, `not JSON (${(error as Error).message})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new DumpFormatError(line, 'each line must be a JSON object');
  }
  return value;
}
