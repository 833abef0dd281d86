import type { CommandDefinition } from '../program';
import { example } from '../program';

/** `kairos list <series> [--filter F] [--json]`: the names that hold data (or match a filter). */
export const listCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('list')
      .description('list the names of a series that hold data, one a line')
      .argument('<series>', 'a series of the configuration')
      .option('--filter <filter>', 'only the names whose labels match (e.g. "service=api")')
      .option('--json', 'print a JSON array')
      .action(
        run(async (ctx, command) => {
          const [key] = command.processedArgs as [string];
          const { json, filter } = command.opts<{ json?: boolean; filter?: string }>();
          const names = await (await ctx.open(key)).timeseries.list(
            filter === undefined ? undefined : { filter },
          );
          if (json) ctx.print(`${JSON.stringify(names)}\n`);
          else if (names.length) ctx.print(`${names.join('\n')}\n`);
        }),
      );
    example(
      command,
      'kairos list latency',
      'kairos list latency --json',
      "kairos list latency --filter 'service=api region!=us'",
    );
  },
};
