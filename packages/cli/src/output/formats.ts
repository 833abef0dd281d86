import { choices, UsageError } from '../errors';
import { type Frame, type Track, toJsonValue } from './frame';
import { formatNumber } from './numbers';
import { isoInZone, readableTime } from './zone';

/** The `--format` choices of `fetch`. */
export const FORMATS = ['table', 'csv', 'json', 'ndjson'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** Checks a `--format` value. */
export function checkFormat(format: string): Format {
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `--format: unknown format ${JSON.stringify(format)}; valid: ${choices(FORMATS)}`,
    );
  }
  return format as Format;
}

/**
 * JSON records: `{ time, value }` per row for joined names, `{ time, name, value }` per row
 * and name with `--each`. Times are Unix seconds.
 */
export function* records(
  tracks: readonly Track[],
  each: boolean,
): Iterable<Record<string, unknown>> {
  if (!each) {
    for (const [time, value] of tracks[0]?.rows ?? []) yield { time, value: toJsonValue(value) };
    return;
  }
  const times = [...new Set(tracks.flatMap((t) => [...t.rows.keys()]))].sort((a, b) => a - b);
  for (const time of times) {
    for (const { name, rows } of tracks) {
      if (rows.has(time)) yield { time, name, value: toJsonValue(rows.get(time)) };
    }
  }
}

/** A JSON array of {@link records}, one record a line (valid JSON, readable, streamable). */
export function* jsonLines(tracks: readonly Track[], each: boolean): Iterable<string> {
  let first = true;
  for (const record of records(tracks, each)) {
    yield `${first ? '[\n' : ',\n'}${JSON.stringify(record)}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** One {@link records} record a line. */
export function* ndjsonLines(tracks: readonly Track[], each: boolean): Iterable<string> {
  for (const record of records(tracks, each)) yield `${JSON.stringify(record)}\n`;
}

/** CSV with a header; ISO times in `zone` when given, else Unix seconds. */
export function* csvLines(frame: Frame, zone: string | undefined): Iterable<string> {
  yield `${['time', ...frame.columns].map(csvCell).join(',')}\n`;
  for (const { time, values } of frame.rows) {
    const cells = values.map((v) => csvCell(plainCell(v)));
    yield `${zone ? isoInZone(time, zone) : time},${cells.join(',')}\n`;
  }
}

/** An aligned table for people: local (or `zone`) times, numbers rounded sensibly. */
export function tableLines(frame: Frame, zone: string | undefined): string[] {
  const header = ['time', ...frame.columns];
  const body = frame.rows.map(({ time, values }) => [
    readableTime(time, zone),
    ...values.map((v) =>
      typeof v === 'number' ? formatNumber(v) : v == null ? '-' : plainCell(v),
    ),
  ]);
  const widths = header.map((h, n) => Math.max(h.length, ...body.map((row) => row[n]!.length)));
  // Numbers and their headers align right, as in a spreadsheet; the time column left.
  const line = (cells: string[]) =>
    `${cells
      .map((c, n) => (n === 0 ? c.padEnd(widths[n]!) : c.padStart(widths[n]!)))
      .join('  ')
      .trimEnd()}\n`;
  return [line(header), ...body.map(line)];
}

/** A value as one text cell: numbers and strings as they are, anything else as compact JSON. */
function plainCell(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return JSON.stringify(toJsonValue(value));
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
