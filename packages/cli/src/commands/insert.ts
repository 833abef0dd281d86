import { UsageError } from '../errors';
import type { CommandDefinition } from '../program';
import { example } from '../program';
import { nowSeconds, parseTime, TIME_FORMS } from '../time';
import { valueCodec } from '../values';

/** `kairos insert <series> <name> [value] [--at TIME]`: writes one value. */
export const insertCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('insert')
      .description('write one value (a count adds 1 when no value is given)')
      .argument('<series>', 'a series of the configuration')
      .argument('<name>', 'the name to write to')
      .argument('[value]', 'the value (JSON text for a json series)')
      .option('-a, --at <time>', `when the value happened (default now): ${TIME_FORMS}`)
      .action(
        run(async (ctx, command) => {
          const [key, name, text] = command.processedArgs as [string, string, string | undefined];
          const { at } = command.opts<{ at?: string }>();
          const series = await ctx.series(key);
          const timestamp = at === undefined ? nowSeconds() : parseTime(at, '--at', nowSeconds());
          let value: string | number | undefined;
          if (text !== undefined) {
            const coded = valueCodec(series).fromText(text);
            if (coded instanceof Error) throw new UsageError(`value: ${coded.message}`);
            value = coded;
          }
          await (await ctx.open(key)).timeseries.insert(name, value, { timestamp });
        }),
      );
    example(
      command,
      'kairos insert latency api 0.231',
      'kairos insert logins web --at 2025-01-01T12:00:00Z',
    );
  },
};
