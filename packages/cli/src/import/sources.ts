import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parseTime } from '../time';
import type { ValueCodec } from '../values';

/** One input line, ready for `bulkInsert`, or what is wrong with it. */
export type InputLine =
  | {
      readonly line: number;
      readonly time: number | null;
      readonly name: string;
      readonly value: string | number;
    }
  | { readonly line: number; readonly error: string };

/**
 * Reads NDJSON lines `{"name": …, "value": …, "time": …}` (`time` optional: now; `value`
 * optional for a count). Blank lines are skipped; line numbers count every line.
 */
export async function* ndjsonLines(
  input: Readable,
  codec: ValueCodec,
  now: () => number,
): AsyncGenerator<InputLine> {
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (text.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      yield { line, error: `not JSON: ${(error as Error).message}` };
      continue;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      yield { line, error: 'expected an object {"name": …, "value": …, "time": …}' };
      continue;
    }
    const { name, value, time } = record as Record<string, unknown>;
    yield toLine(line, name, value === undefined ? codec.absent : codec.fromJson(value), time, now);
  }
}

/**
 * Reads CSV with a header naming the columns `time`, `name` and `value` (in any order; an
 * empty `time` means now, an empty `value` is allowed for a count).
 */
export async function* csvLines(
  input: Readable,
  codec: ValueCodec,
  now: () => number,
): AsyncGenerator<InputLine> {
  const parser = input.pipe(
    parse({ info: true, skip_empty_lines: true, relax_column_count: false }),
  );
  let columns: { time: number; name: number; value: number } | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const line = info.lines;
      if (!columns) {
        const at = (c: string) => record.findIndex((h) => h.trim().toLowerCase() === c);
        columns = { time: at('time'), name: at('name'), value: at('value') };
        if (columns.name < 0 || columns.value < 0) {
          yield {
            line,
            error: `the header must name the columns time,name,value; got ${record.join(',')}`,
          };
          return;
        }
        continue;
      }
      const text = record[columns.value] ?? '';
      const value = text === '' ? codec.absent : codec.fromText(text);
      const time =
        columns.time < 0 || record[columns.time] === '' ? undefined : record[columns.time];
      yield toLine(line, record[columns.name], value, time, now);
    }
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    yield { line: lines ?? 0, error: `not CSV: ${(error as Error).message}` };
  }
}

function toLine(
  line: number,
  name: unknown,
  value: string | number | Error | undefined,
  time: unknown,
  now: () => number,
): InputLine {
  if (typeof name !== 'string' || name === '')
    return {
      line,
      error: `"name" must be a non-empty string; got ${JSON.stringify(name) ?? 'nothing'}`,
    };
  if (value === undefined)
    return { line, error: '"value" is missing (only a count may leave it out)' };
  if (value instanceof Error) return { line, error: `"value": ${value.message}` };
  if (time === undefined || time === null) return { line, time: null, name, value };
  if (typeof time === 'number' && Number.isFinite(time)) return { line, time, name, value };
  if (typeof time === 'string') {
    try {
      return { line, time: parseTime(time, '"time"', now()), name, value };
    } catch (error) {
      return { line, error: (error as Error).message };
    }
  }
  return {
    line,
    error: `"time" must be Unix seconds or an ISO 8601 date-time; got ${JSON.stringify(time)}`,
  };
}
