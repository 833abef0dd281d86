import { valuesOf } from '../dump/values';
import type { CommandDefinition } from '../program';
import { example } from '../program';

/** `kairos dump <series> [name…] [--out FILE]`: every stored bucket as NDJSON (docs/DUMP-FORMAT.md). */
export const dumpCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('dump')
      .description(
        'write every stored bucket as NDJSON (gzip when FILE ends in .gz), for backups and moves',
      )
      .argument('<series>', 'a series of the configuration')
      .argument('[names...]', 'only these names (default: every name)')
      .option('-o, --out <file>', 'write to FILE instead of stdout (gzip when it ends in .gz)')
      .action(
        run(async (ctx, command) => {
          const [key, names] = command.processedArgs as [string, string[]];
          const { out } = command.opts<{ out?: string }>();
          const [{ dumpHeader }, { writeDump }, { startProgress }] = await Promise.all([
            import('@kairos/core'),
            import('@kairos/core/dump-file'),
            import('../output/progress'),
          ]);
          const { timeseries } = await ctx.open(key);
          const progress = await startProgress(ctx.terminal.stderr, 'dumping', 'buckets');
          const seen = new Set<string>();
          let values = 0;
          let buckets = 0;
          try {
            await writeDump(
              out ?? ctx.terminal.stdout,
              dumpHeader(timeseries),
              timeseries.dump(names.length ? names : undefined),
              (record) => {
                buckets += 1;
                values += valuesOf(record.data);
                seen.add(record.name);
                if (buckets % 1_000 === 0) progress.update(buckets, values);
              },
            );
          } finally {
            progress.stop();
          }
          ctx.note(
            `dumped ${buckets} buckets (${values} values) of ${seen.size} names${out ? ` to ${out}` : ''}`,
          );
        }),
      );
    example(
      command,
      'kairos dump latency --out latency.ndjson.gz',
      'kairos dump latency api web > api-web.ndjson',
    );
  },
};
