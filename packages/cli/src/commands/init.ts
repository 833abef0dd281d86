import { writeFile } from 'node:fs/promises';
import { DEFAULT_CONFIG_FILE } from '../config/defaults';
import { UsageError } from '../errors';
import type { CommandDefinition } from '../program';
import { example } from '../program';

/** What `kairos init` writes: a working configuration that explains itself. */
export const STARTER_CONFIG = `{
  // Where Redis is. Or a cluster: { "cluster": ["redis://10.0.0.1:6379", "redis://10.0.0.2:6379"] }.
  // --redis URL and the REDIS_URL environment variable override it.
  "redis": "redis://127.0.0.1:6379",

  // The series the commands name ("kairos fetch latency …"), each a Kairos Timeseries.
  "series": {
    "latency": {
      // series | histogram | count | gauge | set
      "type": "series",
      // Keys are "<prefix>:<name>:<interval>:<bucket>".
      "prefix": "app:latency",
      // How values read back: "number", "string" (default) or "json".
      "read": "number",
      "intervals": {
        // One-minute buckets, kept for a day (1440 of them).
        "minute": { "step": 60, "steps": 1440 },
        // Hourly buckets with minute resolution inside, kept for a week.
        "hour": { "step": "1h", "resolution": 60, "steps": 168 }
      }
    },
    "logins": {
      "type": "count",
      "prefix": "app:logins",
      "intervals": {
        "minute": { "step": 60, "steps": 1440 },
        // Calendar days in a time zone of your choice.
        "day": { "step": "daily", "timezone": "UTC" }
      }
    }
  }
}
`;

/** `kairos init [file] [--force]`: writes a commented starter configuration. */
export const initCommand: CommandDefinition = {
  register(program, run) {
    const command = program
      .command('init')
      .description('write a commented starter configuration')
      .argument('[file]', 'where to write it', DEFAULT_CONFIG_FILE)
      .option('--force', 'overwrite an existing file')
      .action(
        run(async (ctx, command) => {
          const [file] = command.processedArgs as [string];
          const { force } = command.opts<{ force?: boolean }>();
          try {
            await writeFile(file, STARTER_CONFIG, { flag: force ? 'w' : 'wx' });
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
              throw new UsageError(`${file} exists already; pass --force to overwrite it`);
            }
            throw error;
          }
          ctx.note(`wrote ${file}: edit "redis" and "series", then try "kairos list latency"`);
        }),
      );
    example(command, 'kairos init', 'kairos init config/kairos.config.json --force');
  },
};
