import { Command, CommanderError } from 'commander';
import { commands } from './commands';
import { Context, type GlobalOptions, type Terminal } from './context';
import { EXIT } from './errors';

declare const __VERSION__: string;

/** Runs a command's work with a {@link Context}; the context is closed whatever happens. */
export type Action = (ctx: Context, command: Command) => Promise<void>;

/** Wraps an {@link Action} as a commander action handler. */
export type Runner = (action: Action) => (...args: unknown[]) => Promise<void>;

/**
 * One `kairos` command: a file under `src/commands/` exporting this, listed in
 * `src/commands/index.ts`.
 */
export interface CommandDefinition {
  /** Adds the command, its arguments, options, help example and action to the program. */
  register(program: Command, run: Runner): void;
}

/** Adds an "Example" section to a command's `--help`. */
export function example(command: Command, ...lines: string[]): Command {
  return command.addHelpText(
    'after',
    `\nExample${lines.length > 1 ? 's' : ''}:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`,
  );
}

/**
 * Runs `kairos` with `argv` (as `process.argv`) on a terminal and resolves the exit code:
 * 0 on success, 1 on a runtime failure, 2 on a usage error.
 */
export async function main(argv: readonly string[], terminal: Terminal): Promise<number> {
  let code: number = EXIT.ok;
  const run: Runner =
    (action) =>
    async (...args) => {
      const command = args.at(-1) as Command;
      const options = command.optsWithGlobals<GlobalOptions>();
      const ctx = new Context(options, terminal);
      try {
        await action(ctx, command);
      } catch (error) {
        const { reportError } = await import('./report');
        const report = reportError(error, ctx.openConnection);
        code = report.code;
        terminal.stderr.write(`kairos: ${report.line}\n`);
        if (options.debug && error instanceof Error) terminal.stderr.write(`${error.stack}\n`);
      } finally {
        ctx.close();
      }
    };
  const program = buildProgram(terminal, run);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return EXIT.ok;
    terminal.stderr.write(usageHint(program, error, argv.slice(2)));
    return EXIT.usage;
  }
  return code;
}

function buildProgram(terminal: Terminal, run: Runner): Command {
  const program = new Command('kairos')
    .description('Read, write and chart Kairos time series in Redis')
    .version(__VERSION__, '-V, --version', 'print the version')
    .option(
      '-c, --config <file>',
      'configuration file (default: kairos.config.json, or KAIROS_CONFIG)',
    )
    .option('--redis <url>', 'Redis URL, overrides the configuration (or REDIS_URL)')
    .option('--debug', 'print stack traces of failures')
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => terminal.stdout.write(text),
      writeErr: (text) => terminal.stderr.write(text),
    })
    .exitOverride();
  example(
    program,
    'kairos init',
    'kairos fetch latency api --interval minute --start -1h --transform mean',
  );
  for (const definition of commands) definition.register(program, run);
  // Subcommands copy the settings above only when created after them; exitOverride too.
  for (const command of program.commands) command.exitOverride().showSuggestionAfterError();
  return program;
}

/** The valid choices for a usage error commander raised (it has printed its own line). */
function usageHint(program: Command, error: CommanderError, args: readonly string[]): string {
  const names = program.commands.map((c) => c.name());
  if (error.code === 'commander.unknownCommand' || error.code === 'commander.help') {
    return `valid commands: ${names.join(', ')} (kairos --help)\n`;
  }
  const command = program.commands.find((c) => args.includes(c.name()));
  const target = command ?? program;
  if (error.code === 'commander.unknownOption') {
    const flags = [...target.options, ...program.options].map((o) => o.long ?? o.short ?? o.flags);
    return `valid options: ${flags.join(', ')} (kairos ${command ? `${command.name()} ` : ''}--help)\n`;
  }
  return `see: kairos ${command ? `${command.name()} ` : ''}--help\n`;
}
