import { createInterface } from 'node:readline/promises';
import { UsageError } from '../errors';
import type { CommandDefinition } from '../program';
import { example } from '../program';

/** `kairos delete <series> <name> [--yes]`: removes every bucket of a name, after asking. */
export const deleteCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('delete')
      .description('delete every bucket of a name (asks first; without a terminal, needs --yes)')
      .argument('<series>', 'a series of the configuration')
      .argument('<name>', 'the name to delete (exactly this name, never a pattern)')
      .option('-y, --yes', 'do not ask')
      .action(
        run(async (ctx, command) => {
          const [key, name] = command.processedArgs as [string, string];
          const { yes } = command.opts<{ yes?: boolean }>();
          await ctx.series(key);
          const { stdin, stderr } = ctx.terminal;
          if (!yes) {
            if (!stdin.isTTY) {
              throw new UsageError(
                `refusing to delete ${JSON.stringify(name)} without --yes: stdin is not a terminal`,
              );
            }
            const prompt = createInterface({ input: stdin, output: stderr });
            const answer = await prompt.question(
              `delete every bucket of ${JSON.stringify(name)} in series ${JSON.stringify(key)}? [y/N] `,
            );
            prompt.close();
            if (!/^y(es)?$/i.test(answer.trim())) {
              ctx.note('nothing deleted');
              return;
            }
          }
          const removed = await (await ctx.open(key)).timeseries.delete(name);
          ctx.print(`deleted ${removed} keys of ${JSON.stringify(name)}\n`);
        }),
      );
    example(command, 'kairos delete latency api', 'kairos delete latency old-host --yes');
  },
};
