import type { Reply } from '@kairos/core';
import { checkZone, readableTime } from '../output/zone';
import type { CommandDefinition } from '../program';
import { example } from '../program';

/** What `info` reports for one interval. */
export interface IntervalInfo {
  /** Start of the first bucket holding data (Unix seconds). */
  first: number;
  /** Start of the last bucket holding data. */
  last: number;
  /** Seconds until the last bucket expires; `null` when it never does. */
  ttl: number | null;
}

/** `kairos info <series> <name>`: per interval, the first and last bucket and the TTL left. */
export const infoCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('info')
      .description('show, per interval, the first and last bucket holding data and the TTL left')
      .argument('<series>', 'a series of the configuration')
      .argument('<name>', 'the name to describe')
      .option('--json', 'print a JSON object by interval')
      .option('--tz <zone>', 'IANA time zone for the times (default: local)')
      .action(
        run(async (ctx, command) => {
          const [key, name] = command.processedArgs as [string, string];
          const { json, tz } = command.opts<{ json?: boolean; tz?: string }>();
          const zone = tz === undefined ? undefined : checkZone(tz);
          const series = await ctx.open(key);
          const { timeseries } = series;
          const properties = await timeseries.properties(name);
          const info: Record<string, IntervalInfo> = {};
          await Promise.all(
            Object.entries(properties).map(async ([interval, { first, last }]) => {
              // The TTL of the last bucket's keys, read through the library's own key layout.
              const ttls = await timeseries.get(name, interval, {
                timestamp: last,
                fetch: (bucketKey) => ['TTL', bucketKey],
                processRow: (reply: Reply) => Number(reply),
                condense: (rows: Map<number, number>) => Math.max(...rows.values()),
              });
              const ttl = Math.max(...ttls.values());
              info[interval] = { first, last, ttl: ttl >= 0 ? ttl : null };
            }),
          );
          // In the configuration's order, not the order keys were found in.
          const ordered = Object.keys(series.options.intervals)
            .filter((interval) => interval in info)
            .map((interval) => [interval, info[interval]!] as const);
          if (json) {
            ctx.print(`${JSON.stringify(Object.fromEntries(ordered))}\n`);
            return;
          }
          if (ordered.length === 0) {
            ctx.note(`no data for ${JSON.stringify(name)} in series ${JSON.stringify(key)}`);
            return;
          }
          const rows = [
            ['interval', 'first', 'last', 'ttl'],
            ...ordered.map(([interval, i]) => [
              interval,
              readableTime(i.first, zone),
              readableTime(i.last, zone),
              i.ttl === null ? 'none' : duration(i.ttl),
            ]),
          ];
          const widths = rows[0]!.map((_, n) => Math.max(...rows.map((r) => r[n]!.length)));
          ctx.print(
            rows
              .map(
                (r) =>
                  `${r
                    .map((c, n) => c.padEnd(widths[n]!))
                    .join('  ')
                    .trimEnd()}\n`,
              )
              .join(''),
          );
        }),
      );
    example(command, 'kairos info latency api', 'kairos info latency api --json');
  },
};

/** `1d 2h`, `3h 5m`, `42s`: the two largest units of a duration. */
export function duration(seconds: number): string {
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of units) {
    if (rest >= size || (unit === 's' && parts.length === 0)) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
