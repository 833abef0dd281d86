import type { AnyTimeseries } from '@kairos/http';
import { CommandFailure, UsageError } from '../errors';
import type { CommandDefinition } from '../program';
import { example } from '../program';

interface ServeFlags {
  port: string;
  host?: string;
  token?: string;
}

/**
 * `kairos serve [--port 8080] [--host 127.0.0.1] [--token T]`: every series of the
 * configuration over HTTP (JSON API, Grafana data source endpoints, the dashboard page) until
 * SIGINT or SIGTERM.
 */
export const serveCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('serve')
      .description(
        'serve every series over HTTP: a JSON API, Grafana endpoints and a dashboard page (Ctrl-C to stop)',
      )
      .option('--port <port>', 'port to listen on (0: any free port)', '8080')
      .option('--host <host>', 'address to bind (default 127.0.0.1: this machine only)')
      .option('--token <token>', 'require Authorization: Bearer <token> (or KAIROS_TOKEN)')
      .action(
        run(async (ctx, command) => {
          const flags = command.opts<ServeFlags>();
          const port = Number(flags.port);
          if (!Number.isInteger(port) || port < 0 || port > 65_535) {
            throw new UsageError(
              `--port: must be a port number from 0 to 65535; got ${JSON.stringify(flags.port)}`,
            );
          }
          const config = await ctx.config();
          const series: Record<string, AnyTimeseries> = {};
          for (const key of config.series.keys()) series[key] = (await ctx.open(key)).timeseries;
          const token = flags.token ?? (ctx.terminal.env.KAIROS_TOKEN || undefined);
          // Loaded here: the other commands start without the HTTP server's modules.
          const { serveSeries } = await import('@kairos/http');
          const server = await serveSeries({
            series,
            token,
            port,
            host: flags.host,
            log: (line) => ctx.note(line),
          }).catch((error: NodeJS.ErrnoException) => {
            throw new CommandFailure(
              `cannot listen on ${flags.host ?? '127.0.0.1'}:${port}: ${error.code ?? error.message}`,
              { cause: error },
            );
          });
          ctx.note(`series: ${[...config.series.keys()].join(', ')} · Ctrl-C to stop`);
          await new Promise<void>((resolve) => {
            const stop = () => {
              process.off('SIGINT', stop);
              process.off('SIGTERM', stop);
              resolve();
            };
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
          });
          await server.close();
        }),
      );
    example(command, 'kairos serve', 'KAIROS_TOKEN=s3cret kairos serve --host 0.0.0.0 --port 8080');
  },
};
