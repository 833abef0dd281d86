import type { CommandDefinition } from '../program';
import { example } from '../program';

/** `kairos labels <series> <name> [--json]`: a name's labels. */
export const labelsCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('labels')
      .description('print the labels of a name, key=value one a line (sorted)')
      .argument('<series>', 'a series of the configuration')
      .argument('<name>', 'a name of the series')
      .option('--json', 'print a JSON object')
      .action(
        run(async (ctx, command) => {
          const [key, name] = command.processedArgs as [string, string];
          const { json } = command.opts<{ json?: boolean }>();
          const labels = await (await ctx.open(key)).timeseries.labels(name);
          if (json) ctx.print(`${JSON.stringify(labels)}\n`);
          else {
            const lines = Object.entries(labels)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([label, value]) => `${label}=${value}\n`);
            ctx.print(lines.join(''));
          }
        }),
      );
    example(command, 'kairos labels latency api', 'kairos labels latency api --json');
  },
};
