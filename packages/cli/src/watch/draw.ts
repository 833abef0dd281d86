import { formatNumber } from '../output/numbers';

/** One name's numbers over the window, oldest first (`null`: no value in that bucket). */
export interface WatchLine {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/** What a frame shows besides the lines. */
export interface FrameInfo {
  readonly title: string;
  readonly status: string;
  readonly columns: number;
  readonly rows: number;
}

const BLOCKS = ' ▁▂▃▄▅▆▇█';
/** Columns of the y-axis labels left of a chart. */
const AXIS_WIDTH = 9;
/** Rows one chart may take at most: more is harder to read, not clearer. */
const MAX_CHART_ROWS = 10;

/** How many buckets fit across a terminal of `columns` (the rest is the y-axis labels). */
export function windowSize(columns: number): number {
  return Math.max(2, columns - AXIS_WIDTH - 1);
}

/**
 * Draws one frame: a title line, then per name a header (current value, min, max, mean of
 * the window) and a bar chart as tall as the terminal allows (a one-line sparkline when
 * space is short), then the status line. Exactly `rows` lines or fewer, none wider than
 * `columns`.
 */
export function drawFrame(lines: readonly WatchLine[], info: FrameInfo): string[] {
  const { columns, rows } = info;
  const out = [fit(info.title, columns)];
  const free = rows - 2 - lines.length;
  const chartRows = Math.max(
    1,
    Math.min(MAX_CHART_ROWS, Math.floor(free / Math.max(1, lines.length))),
  );
  for (const line of lines) {
    const numbers = line.values.filter((v): v is number => v !== null);
    const current = [...line.values].reverse().find((v) => v !== null);
    const stats = numbers.length
      ? `now ${fmt(current ?? null)}  min ${fmt(Math.min(...numbers))}  max ${fmt(Math.max(...numbers))}  mean ${fmt(numbers.reduce((a, b) => a + b, 0) / numbers.length)}`
      : 'no data in the window';
    out.push(fit(`${line.label}  ${stats}`, columns));
    if (out.length + chartRows > rows - 1) break;
    out.push(...chart(line.values.slice(-windowSize(columns)), chartRows, numbers));
  }
  out.push(fit(info.status, columns));
  return out.slice(0, rows);
}

/** A bar chart of `rows` lines (eighth blocks), y labels of the top and bottom on the left. */
function chart(values: readonly (number | null)[], rows: number, numbers: number[]): string[] {
  const low = numbers.length ? Math.min(0, ...numbers) : 0;
  const high = numbers.length ? Math.max(...numbers) : 1;
  const span = high - low || 1;
  const levels = values.map((v) => (v === null ? -1 : Math.round(((v - low) / span) * rows * 8)));
  const lines: string[] = [];
  for (let r = rows - 1; r >= 0; r--) {
    const label = r === rows - 1 ? fmt(high) : r === 0 ? fmt(low) : '';
    const cells = levels.map((level) =>
      level < 0 ? (r === 0 ? '·' : ' ') : BLOCKS[Math.max(0, Math.min(8, level - r * 8))]!,
    );
    lines.push(`${label.padStart(AXIS_WIDTH - 1)} ${cells.join('')}`);
  }
  return lines;
}

function fmt(value: number | null): string {
  return value === null ? '-' : formatNumber(value);
}

function fit(text: string, columns: number): string {
  return text.length > columns ? `${text.slice(0, Math.max(0, columns - 1))}…` : text;
}
