import type { Ceilings } from './ceilings';
import type { Row } from './report-row';

const fmt = (n: number, unit: Row['unit']) =>
  unit === 'points/s' ? Math.round(n).toLocaleString('en') : n.toFixed(unit === 'MB' ? 0 : 2);

/** "1.23×" of a figure to a reference, or "–". */
function ratio(value: number, reference: number | undefined): string {
  return reference ? `${(value / reference).toFixed(2)}×` : '–';
}

/** "met"/"MISSED" against a floor or target (which way depends on the unit). */
function verdict(row: Row, bound: number | undefined): string {
  if (bound === undefined) return '–';
  const ok = row.lowerIsBetter ? row.value <= bound : row.value >= bound;
  return `${ok ? 'met' : 'MISSED'} (${fmt(bound, row.unit)})`;
}

/** The figures as a Markdown table, one row each. */
export function table(rows: readonly Row[]): string {
  const head = [
    'scenario',
    'client',
    'path',
    'figure',
    '× redis-benchmark -P 100',
    '× ideal pipeline / raw read',
    'floor',
    'target',
    'client CPU ms',
    'redis CPU ms',
    'note',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const row of rows) {
    lines.push(
      `| ${[
        row.scenario,
        row.client,
        row.path,
        `${fmt(row.value, row.unit)} ${row.unit}`,
        ratio(row.value, row.redisBenchmark),
        ratio(row.value, row.ideal),
        verdict(row, row.floor),
        verdict(row, row.target),
        row.cost ? Math.round(row.cost.clientCpuMs).toString() : '–',
        row.cost ? Math.round(row.cost.redisCpuMs).toString() : '–',
        row.note ?? '',
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** The ceilings measured with redis-benchmark, as a Markdown table. */
export function ceilingsTable(ceilings: Ceilings): string {
  const lines = ['| command | requests/s |', '|---|---|'];
  for (const [name, rps] of Object.entries(ceilings)) {
    lines.push(`| ${name} | ${Math.round(rps).toLocaleString('en')} |`);
  }
  return lines.join('\n');
}
