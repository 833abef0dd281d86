import { stat } from 'node:fs/promises';
import { valuesOf } from '../dump/values';
import { CommandFailure, UsageError } from '../errors';
import type { CommandDefinition } from '../program';
import { example } from '../program';

/** `kairos restore <series> [FILE|-] [--prefix P]`: writes a dump back, bucket by bucket. */
export const restoreCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('restore')
      .description(
        'write a dump back (each bucket replaced whole: safe to run again), into this series or another prefix',
      )
      .argument('<series>', 'a series of the configuration (the schema the dump was made with)')
      .argument('[file]', 'dump file (gunzipped when it ends in .gz), or - for stdin', '-')
      .option('-p, --prefix <prefix>', "write under this key prefix instead of the series' own")
      .action(
        run(async (ctx, command) => {
          const [key, file] = command.processedArgs as [string, string];
          const { prefix } = command.opts<{ prefix?: string }>();
          const [{ DumpFormatError, InvalidRecordError }, { readDump }, { startProgress }] =
            await Promise.all([
              import('@kairos/core'),
              import('@kairos/core/dump-file'),
              import('../output/progress'),
            ]);
          const { timeseries } = await ctx.open(key);
          if (file !== '-') {
            await stat(file).catch((error: NodeJS.ErrnoException) => {
              throw new UsageError(
                `${file}: cannot read the dump (${error.code ?? error.message})`,
              );
            });
          }
          const progress = await startProgress(ctx.terminal.stderr, 'restoring', 'buckets');
          let read = 0;
          let values = 0;
          try {
            const dump = await readDump(file === '-' ? ctx.terminal.stdin : file);
            if (dump.header.series.type !== timeseries.type) {
              throw new CommandFailure(
                `the dump holds a ${dump.header.series.type} series; ${JSON.stringify(key)} is a ${timeseries.type}`,
              );
            }
            async function* counted() {
              for await (const record of dump.records) {
                read += 1;
                values += valuesOf(record.data);
                if (read % 1_000 === 0) progress.update(read, values);
                yield record;
              }
            }
            const summary = await timeseries.restore(counted(), {
              ...(prefix === undefined ? {} : { prefix }),
              dumpedAt: new Date(dump.header.created),
            });
            progress.stop();
            ctx.note(
              `restored ${summary.buckets} buckets (${summary.values} values) of ${summary.names} names` +
                (summary.expired ? `; ${summary.expired} expired buckets skipped` : ''),
            );
          } catch (error) {
            progress.stop();
            if (error instanceof DumpFormatError) {
              throw new CommandFailure(
                `${file === '-' ? 'stdin' : file}: ${error.message}; the buckets before it are restored, run again once fixed`,
              );
            }
            if (error instanceof InvalidRecordError) {
              throw new CommandFailure(
                `${file === '-' ? 'stdin' : file}: line ${error.record + 1}: ${error.message}; the chunks before it are restored`,
              );
            }
            throw error;
          }
        }),
      );
    example(
      command,
      'kairos restore latency latency.ndjson.gz',
      'kairos dump latency | kairos --redis redis://new-host restore latency -',
      'kairos restore latency backup.ndjson --prefix restored',
    );
  },
};
