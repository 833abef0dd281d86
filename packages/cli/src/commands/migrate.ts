import type { CommandDefinition } from '../program';
import { example } from '../program';

/** `kairos migrate <from> <to> [--dry-run]`: rebuilds one series' schema from another's data. */
export const migrateCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('migrate')
      .description(
        "rebuild the buckets of <to>'s schema from what <from> stores (new intervals, retention, prefix); <from> is only read",
      )
      .argument('<from>', 'the series holding the data (a key of the configuration)')
      .argument('<to>', 'the series to write (a key of the configuration)')
      .option('--dry-run', 'print the plan and write nothing')
      .action(
        run(async (ctx, command) => {
          const [fromKey, toKey] = command.processedArgs as [string, string];
          const { dryRun = false } = command.opts<{ dryRun?: boolean }>();
          const [{ migrate }, { startProgress }] = await Promise.all([
            import('@kairos/core'),
            import('../output/progress'),
          ]);
          const from = await ctx.open(fromKey);
          const to = await ctx.open(toKey);
          const progress = await startProgress(
            ctx.terminal.stderr,
            dryRun ? 'planning' : 'migrating',
            'names',
            0,
          );
          let report: Awaited<ReturnType<typeof migrate>>;
          try {
            report = await migrate(from.timeseries, to.timeseries, {
              dryRun,
              onName: (done, total) => progress.update(done, 0, total),
            });
          } finally {
            progress.stop();
          }
          const rows = report.intervals.map((i) => [
            i.interval,
            i.unchanged ? '(unchanged)' : Object.keys(i.sources).join('+') || '-',
            String(i.buckets),
            String(i.values),
            String(i.expired),
            String(i.underivable),
            i.reasons.join('; '),
          ]);
          ctx.print(
            table([
              [
                'interval',
                'from',
                'buckets',
                'values',
                'expired',
                'underivable',
                'why underivable',
              ],
              ...rows,
            ]),
          );
          const buckets = report.intervals.reduce((n, i) => n + i.buckets, 0);
          const values = report.intervals.reduce((n, i) => n + i.values, 0);
          ctx.note(
            dryRun
              ? `dry run: ${buckets} buckets (${values} values) of ${report.names} names would be written; nothing was`
              : `migrated ${report.names} names: ${buckets} buckets (${values} values) written`,
          );
        }),
      );
    example(
      command,
      'kairos migrate latency latency-hourly --dry-run',
      'kairos migrate latency latency-hourly',
    );
  },
};

/** Columns padded to their widest cell; the last left as it is. */
function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}
