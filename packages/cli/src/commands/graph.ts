import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Option } from 'commander';
import { CHART_TYPES, type ChartType, chartPoints, chartSpec, numberLines } from '../chart/spec';
import { UsageError } from '../errors';
import { type RangeFlags, rangeFlags, type SelectorFlags, selectorFlags } from '../flags';
import { checkZone } from '../output/zone';
import type { CommandDefinition } from '../program';
import { example } from '../program';
import { nowSeconds } from '../time';

interface GraphFlags extends RangeFlags, SelectorFlags {
  type: string;
  title?: string;
  width: string;
  height: string;
  tz?: string;
  out: string;
}

/** `kairos graph <series> <name…> --interval I --out FILE`: a chart as SVG or PNG. */
export const graphCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('graph')
      .description('draw a chart of a range as SVG or PNG (by the --out extension)')
      .argument('<series>', 'a series of the configuration')
      .argument('[names...]', 'names to draw, one line each (or --filter)');
    selectorFlags(rangeFlags(command))
      .addOption(new Option('--type <type>', 'chart type').choices(CHART_TYPES).default('line'))
      .option('--title <text>', 'chart title')
      .option('-w, --width <px>', 'width in pixels', '800')
      .option('-h, --height <px>', 'height in pixels', '400')
      .option('--tz <zone>', 'IANA time zone of the time axis (default: local)')
      .requiredOption('-o, --out <file>', 'output file: .svg or .png')
      .helpOption('--help', 'display help for command')
      .action(
        run(async (ctx, command) => {
          const [key, names] = command.processedArgs as [string, string[]];
          const flags = command.opts<GraphFlags>();
          const kind = extname(flags.out).toLowerCase();
          if (kind !== '.svg' && kind !== '.png') {
            throw new UsageError(
              `--out: cannot tell the format of ${JSON.stringify(flags.out)}; valid extensions: .svg, .png`,
            );
          }
          const { parseCount, plotTransforms, readRequest, readSource, readTracks } = await import(
            '../read'
          );
          const source = readSource(names, flags);
          const width = parseCount(flags.width, '--width');
          const height = parseCount(flags.height, '--height');
          const zone = checkZone(flags.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
          const series = await ctx.series(key);
          const request = readRequest(series, flags, nowSeconds());
          const transforms = plotTransforms(series, request.transforms);
          const tracks = await readTracks(
            await ctx.open(key),
            source,
            { ...request, transforms },
            true,
          );
          ctx.close();
          const { renderPng, renderSvg } = await import('../chart/render');
          const { points, labels } = chartPoints(numberLines(tracks, transforms), zone);
          const spec = chartSpec(points, labels, {
            type: flags.type as ChartType,
            width,
            height,
            zone,
            yTitle: transforms.join(', ') || 'value',
            ...(flags.title === undefined ? {} : { title: flags.title }),
          });
          const svg = await renderSvg(spec);
          await writeFile(flags.out, kind === '.svg' ? svg : await renderPng(svg));
        }),
      );
    example(
      command,
      'kairos graph latency api web --interval minute --start -6h --transform p95 --out latency.svg',
      'kairos graph logins web --interval hour --steps 48 --type area --tz Europe/Paris --width 1200 --out logins.png',
      'kairos graph latency --filter service=api --group-by region --interval minute --transform p95 --out regions.svg',
    );
  },
};
