import { numberLines } from '../chart/spec';
import { UsageError } from '../errors';
import { type RangeFlags, rangeFlags, type SelectorFlags, selectorFlags } from '../flags';
import { readableTime } from '../output/zone';
import type { CommandDefinition } from '../program';
import { example } from '../program';
import { nowSeconds } from '../time';
import { drawFrame, type WatchLine, windowSize } from '../watch/draw';
import { terminalScreen } from '../watch/screen';

interface WatchFlags extends RangeFlags, SelectorFlags {
  every: string;
  count?: string;
}

/** `kairos watch <series> <name…> --interval I`: a live view, redrawn every few seconds. */
export const watchCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('watch')
      .description('a live view of the last buckets, redrawn in place (q or Ctrl-C to leave)')
      .argument('<series>', 'a series of the configuration')
      .argument('[names...]', 'names to show, one chart each (or --filter)');
    selectorFlags(rangeFlags(command, { range: false }))
      .option('--every <seconds>', 'seconds between updates', '4')
      .option('--count <n>', 'leave after this many frames (default: run until q or Ctrl-C)')
      .action(
        run(async (ctx, command) => {
          const [key, names] = command.processedArgs as [string, string[]];
          const flags = command.opts<WatchFlags>();
          const {
            describeSource,
            parseCount,
            plotTransforms,
            readRequest,
            readSource,
            readTracks,
          } = await import('../read');
          const source = readSource(names, flags);
          const every = Number(flags.every);
          if (!(every > 0))
            throw new UsageError(
              `--every: must be a number of seconds > 0; got ${JSON.stringify(flags.every)}`,
            );
          const count =
            flags.count === undefined
              ? Number.POSITIVE_INFINITY
              : parseCount(flags.count, '--count');
          const series = await ctx.series(key);
          const request = readRequest(series, flags, nowSeconds());
          const transforms = plotTransforms(series, request.transforms);
          const open = await ctx.open(key);
          const screen = terminalScreen(ctx.terminal);
          try {
            let status = '';
            for (let frame = 0; frame < count; frame++) {
              const { columns, rows } = screen.size();
              let lines: WatchLine[] = [];
              try {
                const tracks = await readTracks(
                  open,
                  source,
                  { ...request, transforms, steps: windowSize(columns) },
                  true,
                );
                lines = numberLines(tracks, transforms).map(({ label, rows }) => ({
                  label,
                  values: rows.map(([, value]) => value),
                }));
                status = `updated ${readableTime(nowSeconds(), undefined)} · every ${every}s · q to quit`;
              } catch (error) {
                // The first read decides whether the command can work; later ones may recover.
                if (frame === 0) throw error;
                status = `update failed: ${(error as Error).message} · retrying every ${every}s · q to quit`;
              }
              const title = `kairos watch ${key} ${describeSource(source)} · ${request.interval}${transforms.length ? ` · ${transforms.join(',')}` : ''}`;
              screen.draw(drawFrame(lines, { title, status, columns, rows }));
              if (frame + 1 >= count) break;
              let event = await screen.nextEvent(every * 1000);
              while (event === 'resize') {
                const size = screen.size();
                screen.draw(drawFrame(lines, { title, status, ...size }));
                event = await screen.nextEvent(every * 1000);
              }
              if (event === 'quit') break;
            }
          } finally {
            screen.close();
          }
        }),
      );
    example(
      command,
      'kairos watch latency api web --interval minute --transform p95',
      'kairos watch logins web --interval minute --every 10',
      'kairos watch latency --filter service=api --group-by region --reduce max --interval minute --transform p95',
    );
  },
};
