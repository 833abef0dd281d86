import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Option } from 'commander';
import { CommandFailure, UsageError } from '../errors';
import { IMPORT_FORMATS } from '../import/formats';
import type { ImportTally } from '../import/importer';
import { startProgress } from '../output/progress';
import type { CommandDefinition } from '../program';
import { example } from '../program';
import { nowSeconds } from '../time';
import { valueCodec } from '../values';

/** `kairos import <series> [FILE|-] [--format ndjson|csv]`: bulk writes from a file or stdin. */
export const importCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('import')
      .description('write values from NDJSON or CSV, streamed in bounded chunks')
      .argument('<series>', 'a series of the configuration')
      .argument('[file]', 'input file, or - for stdin (default: stdin)', '-')
      .addOption(
        new Option(
          '-f, --format <format>',
          'input format (default: by the file extension, else ndjson)',
        ).choices(IMPORT_FORMATS),
      )
      .action(
        run(async (ctx, command) => {
          const [key, file] = command.processedArgs as [string, string];
          const { format = file.endsWith('.csv') ? 'csv' : 'ndjson' } = command.opts<{
            format?: string;
          }>();
          const [{ BadLine, importLines }, { csvLines, ndjsonLines }] = await Promise.all([
            import('../import/importer'),
            import('../import/sources'),
          ]);
          const series = await ctx.series(key);
          const { timeseries } = await ctx.open(key);
          const input = await openInput(file, ctx.terminal.stdin);
          const codec = valueCodec(series);
          const lines = (format === 'csv' ? csvLines : ndjsonLines)(
            input.stream,
            codec,
            nowSeconds,
          );
          const tally: ImportTally = { values: 0, names: new Set(), firstUnwritten: 1 };
          const progress = await startProgress(
            ctx.terminal.stderr,
            'importing',
            'bytes',
            input.size,
          );
          try {
            await importLines(timeseries, lines, tally, () =>
              progress.update(input.bytesRead(), tally.values),
            );
            progress.stop();
            ctx.note(`imported ${tally.values} values for ${tally.names.size} names`);
          } catch (error) {
            progress.stop();
            input.stream.destroy();
            const done = `imported ${tally.values} values for ${tally.names.size} names`;
            if (error instanceof BadLine) {
              ctx.note(
                `${done} (every line before line ${error.line}); nothing from line ${error.line} on was written`,
              );
              throw new CommandFailure(error.message);
            }
            ctx.note(
              `${done} (every line before line ${tally.firstUnwritten}); lines from ${tally.firstUnwritten} on may be written in part or not at all`,
            );
            throw error;
          }
        }),
      );
    example(
      command,
      'kairos import latency values.ndjson',
      'kairos import latency --format csv < values.csv',
      `echo '{"name":"api","value":0.25,"time":"2025-01-01T12:00:00Z"}' | kairos import latency`,
    );
  },
};

async function openInput(
  file: string,
  stdin: Readable,
): Promise<{ stream: Readable; bytesRead: () => number; size?: number }> {
  if (file === '-') return { stream: stdin, bytesRead: () => 0 };
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    throw new UsageError(
      `${file}: cannot read the input file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  const stream = createReadStream(file);
  return { stream, bytesRead: () => stream.bytesRead, size };
}
