import { UsageError } from '../errors';
import type { CommandDefinition } from '../program';
import { example } from '../program';

/** `kairos label <series> <name> key=value…`: replaces a name's labels. */
export const labelCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('label')
      .description('replace the labels of a name (none given: remove them)')
      .argument('<series>', 'a series of the configuration')
      .argument('<name>', 'a name of the series')
      .argument('[labels...]', 'labels as key=value')
      .action(
        run(async (ctx, command) => {
          const [key, name, pairs] = command.processedArgs as [string, string, string[]];
          const labels = Object.fromEntries(pairs.map(parseLabel));
          await (await ctx.open(key)).timeseries.setLabels(name, labels);
        }),
      );
    example(
      command,
      'kairos label latency api service=api region=eu',
      'kairos label latency api   # removes its labels',
    );
  },
};

/** `key=value` → `[key, value]`; the library checks what the label may hold. */
function parseLabel(pair: string): [string, string] {
  const equals = pair.indexOf('=');
  if (equals < 0) throw new UsageError(`labels are key=value; got ${JSON.stringify(pair)}`);
  return [pair.slice(0, equals), pair.slice(equals + 1)];
}
