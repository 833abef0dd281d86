import { Option } from 'commander';
import { type RangeFlags, rangeFlags, type SelectorFlags, selectorFlags } from '../flags';
import {
  checkFormat,
  csvLines,
  FORMATS,
  jsonLines,
  ndjsonLines,
  tableLines,
} from '../output/formats';
import { toFrame } from '../output/frame';
import { checkZone } from '../output/zone';
import type { CommandDefinition } from '../program';
import { example } from '../program';
import { nowSeconds } from '../time';

interface FetchFlags extends RangeFlags, SelectorFlags {
  each?: boolean;
  tz?: string;
  format: string;
}

/** `kairos fetch <series> <name…> --interval I …`: the buckets of a range, in a format. */
export const fetchCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('fetch')
      .description('print the buckets of a range as a table, CSV, JSON or NDJSON')
      .argument('<series>', 'a series of the configuration')
      .argument(
        '[names...]',
        'names to read, joined into one value unless --each (or use --filter)',
      );
    selectorFlags(rangeFlags(command))
      .option('--condense', "merge a fine interval's resolution buckets into one row per bucket")
      .option('--collapse', 'merge the whole range into one row')
      .option(
        '--each',
        'one column (table, csv) or record (json, ndjson) per name (always so with --filter)',
      )
      .option(
        '--tz <zone>',
        'IANA time zone for table and csv times (csv: ISO times instead of Unix seconds)',
      )
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'),
      )
      .action(
        run(async (ctx, command) => {
          const [key, names] = command.processedArgs as [string, string[]];
          const flags = command.opts<FetchFlags>();
          const { isEach, readRequest, readSource, readTracks } = await import('../read');
          const source = readSource(names, flags);
          const series = await ctx.series(key);
          const request = readRequest(series, flags, nowSeconds());
          const zone = flags.tz === undefined ? undefined : checkZone(flags.tz);
          const format = checkFormat(flags.format);
          const each = isEach(source, flags.each);
          const tracks = await readTracks(await ctx.open(key), source, request, each);
          const lines =
            format === 'json'
              ? jsonLines(tracks, each)
              : format === 'ndjson'
                ? ndjsonLines(tracks, each)
                : format === 'csv'
                  ? csvLines(toFrame(tracks, request.transforms), zone)
                  : tableLines(toFrame(tracks, request.transforms), zone);
          let chunk = '';
          for (const line of lines) {
            chunk += line;
            if (chunk.length > 65_536) {
              ctx.print(chunk);
              chunk = '';
            }
          }
          ctx.print(chunk);
        }),
      );
    example(
      command,
      'kairos fetch latency api --interval minute --start -1h --transform mean,p95',
      'kairos fetch latency api web --interval hour --each --format csv --tz Europe/Paris',
      'kairos fetch latency api --interval minute --steps 1440 --transform max --format json',
      'kairos fetch latency --filter service=api --group-by region --interval hour --transform p95',
    );
  },
};
