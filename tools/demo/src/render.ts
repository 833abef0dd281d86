/** Small text renderers for the demo: a sparkline and a right-aligned table. */

const BARS = '▁▂▃▄▅▆▇█';

/** One character per value, scaled between the smallest and largest; `null` is a space. */
export function sparkline(values: readonly (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return ' '.repeat(values.length);
  const low = Math.min(...present);
  const span = Math.max(...present) - low || 1;
  return values
    .map((v) => (v === null ? ' ' : BARS[Math.round(((v - low) / span) * (BARS.length - 1))]))
    .join('');
}

/** A table with a header row; every cell after the first column is right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  return [line(header), ...rows.map(line)].map((l) => `    ${l}`).join('\n');
}

/** `HH:MM` (UTC) of a bucket start in Unix seconds. */
export function clockTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(11, 16);
}

/** A number for a table cell: `–` for null, at most one decimal. */
export function num(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return String(Math.round(value * 10) / 10);
}
