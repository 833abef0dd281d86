import { type Command, Option } from 'commander';
import { TIME_FORMS } from './time';

/**
 * Flags shared by several commands, registered without loading the library: `kairos --help`
 * and `--version` start fast.
 */

/** The built-in transforms, for help texts and messages (quantiles are any `p<N>`). */
export const TRANSFORMS =
  'count, sum, mean, min, max, rate, first, last, median, stddev, p<N> (p50, p95, p99.9)';

/** The range flags as commander parses them (`fetch`, `graph`, `watch`). */
export interface RangeFlags {
  interval: string;
  start?: string;
  end?: string;
  steps?: string;
  transform?: string;
  condense?: boolean;
  collapse?: boolean;
}

/** Adds `--interval` and `--transform` to a command, and unless `range` is false `--start`, `--end` and `--steps`. */
export function rangeFlags(command: Command, { range = true } = {}): Command {
  command.requiredOption(
    '-i, --interval <name>',
    'interval to read (one configured for the series)',
  );
  if (range) {
    command
      .option('-s, --start <time>', `first bucket: ${TIME_FORMS}`)
      .option(
        '-e, --end <time>',
        'last bucket (same forms as --start; default now when --start is given without --steps)',
      )
      .option('-n, --steps <n>', "number of buckets (default: the interval's steps)");
  }
  return command.addOption(new Option('-t, --transform <names>', `comma-separated: ${TRANSFORMS}`));
}

/** How `--reduce` may combine the names of a group at each time. */
export const REDUCTIONS = ['sum', 'min', 'max', 'mean', 'count'] as const;

/** The label flags as commander parses them (`fetch`, `graph`, `watch`). */
export interface SelectorFlags {
  filter?: string;
  groupBy?: string;
  reduce?: string;
}

/** Adds `--filter`, `--group-by` and `--reduce`: names chosen by their labels instead of given. */
export function selectorFlags(command: Command): Command {
  return command
    .option('--filter <filter>', 'names whose labels match, instead of names (e.g. "service=api")')
    .option(
      '--group-by <label>',
      'with --filter: one value per value of this label (its names joined)',
    )
    .addOption(
      new Option(
        '--reduce <how>',
        "with --group-by: combine each group's names at each time",
      ).choices(REDUCTIONS),
    );
}
