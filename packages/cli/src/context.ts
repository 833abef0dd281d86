import type { Timeseries } from '@kairos/core';
import type { CheckedConfig, CheckedSeries } from './config/check';
import type { Connection } from './connection';
import { choices, UsageError } from './errors';

/** The options every command accepts (given before or after the command name). */
export interface GlobalOptions {
  config?: string;
  redis?: string;
  debug?: boolean;
}

/** What a command's terminal looks like: its streams and environment. */
export interface Terminal {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

/** A series opened on the connection, with its configuration. */
export interface OpenSeries extends CheckedSeries {
  readonly timeseries: Timeseries;
}

/**
 * What a command runs with: the configuration (loaded on first use), one Redis connection
 * (opened on first use, closed by {@link Context.close}), and the terminal.
 */
export class Context {
  #config: Promise<CheckedConfig> | undefined;
  #connection: Connection | undefined;

  constructor(
    readonly options: GlobalOptions,
    readonly terminal: Terminal,
  ) {}

  /** The checked configuration. */
  config(): Promise<CheckedConfig> {
    // The library, ioredis and the rest load only when a command needs them (fast --help).
    this.#config ??= import('./config/load').then(({ loadConfig }) =>
      loadConfig(this.options.config, this.terminal.env),
    );
    return this.#config;
  }

  /** The configured series `key`, or a UsageError listing the configured ones. */
  async series(key: string): Promise<CheckedSeries> {
    const config = await this.config();
    const found = config.series.get(key);
    if (!found) {
      throw new UsageError(
        `unknown series ${JSON.stringify(key)}; configured in ${config.file}: ${choices(config.series.keys())}`,
      );
    }
    return found;
  }

  /** The series `key` as a `Timeseries` on the connection (opened now if needed). */
  async open(key: string): Promise<OpenSeries> {
    const series = await this.series(key);
    const [{ Timeseries }, { ioredisDriver }] = await Promise.all([
      import('@kairos/core'),
      import('@kairos/ioredis'),
    ]);
    const driver = ioredisDriver((await this.connection()).client);
    return { ...series, timeseries: new Timeseries(driver, series.options) };
  }

  /** The Redis connection, opened on first use. */
  async connection(): Promise<Connection> {
    if (!this.#connection) {
      const { connect, redisTarget } = await import('./connection');
      const target = redisTarget(
        this.options.redis,
        (await this.config()).redis,
        this.terminal.env,
      );
      this.#connection = connect(target);
    }
    return this.#connection;
  }

  /** The open connection, if a command opened one (for failure messages). */
  get openConnection(): Connection | undefined {
    return this.#connection;
  }

  /** Writes command output to stdout. */
  print(text: string): void {
    this.terminal.stdout.write(text);
  }

  /** Writes a diagnostic line to stderr. */
  note(line: string): void {
    this.terminal.stderr.write(`${line}\n`);
  }

  /** Closes what the command opened, so the process exits by itself. */
  close(): void {
    this.#connection?.close();
    this.#connection = undefined;
  }
}

/** Checks an interval name against a series, listing the configured ones when unknown. */
export function checkIntervalName(series: CheckedSeries, interval: string): string {
  const known = Object.keys(series.options.intervals);
  if (!known.includes(interval)) {
    throw new UsageError(
      `unknown interval ${JSON.stringify(interval)} for series ${JSON.stringify(series.key)}; configured: ${choices(known)}`,
    );
  }
  return interval;
}
