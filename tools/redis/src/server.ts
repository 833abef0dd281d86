import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';
import { logTail, type RedisProcess, spawnRedis, stopRedis } from './process';
import { command } from './resp';

/** Where a server listens. */
export interface ServerAddress {
  readonly host: string;
  readonly port: number;
}

/** A private `redis-server` started by {@link startServer}. */
export interface RedisServer extends ServerAddress {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** The pid of the current process (changes on {@link RedisServer.restart}). */
  readonly pid: number;
  /** Kills the server by pid, resolves once it has exited, removes its directory. Idempotent. */
  stop(): Promise<void>;
  /**
   * Starts it again on the same port, stopping it first if it runs (also after `stop()`,
   * as fault tests do). Data is not kept. Call `stop()` again when done.
   */
  restart(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** A fixed port; by default a free one is picked (and re-picked if binding fails). */
  port?: number;
  /** Extra `redis-server` arguments, e.g. `['--cluster-enabled', 'yes']`. */
  args?: readonly string[];
  /** Reserve port + 10000 too (cluster bus). */
  clusterBus?: boolean;
  /** How long to wait for PING to answer; default 10 s. */
  readyTimeoutMs?: number;
}

const HOST = '127.0.0.1';

/**
 * Spawns a private `redis-server` on a loopback port, with no persistence, in its own
 * temporary directory, and resolves once it answers PING.
 *
 * @example
 * ```ts
 * const server = await startServer();
 * const client = new Redis(server.port, server.host);
 * // …
 * await server.stop();
 * ```
 */
export async function startServer(options: StartServerOptions = {}): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'kairos-redis-'));
  const attempts = options.port === undefined ? 5 : 1;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = options.port ?? (await freePort({ clusterBus: options.clusterBus ?? false }));
    try {
      const proc = await launch(port, dir, options);
      return handle(port, dir, proc, options);
    } catch (error) {
      lastError = error;
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError;
}

function handle(
  port: number,
  dir: string,
  first: RedisProcess,
  options: StartServerOptions,
): RedisServer {
  let proc = first;
  return {
    host: HOST,
    port,
    url: `redis://${HOST}:${port}`,
    get pid() {
      return proc.pid;
    },
    async stop() {
      await stopRedis(proc);
      await rm(dir, { recursive: true, force: true });
    },
    async restart() {
      await stopRedis(proc);
      // After stop() the directory is gone: a fault test may stop, then restart.
      await mkdir(dir, { recursive: true });
      proc = await launch(port, dir, options);
    },
  };
}

async function launch(
  port: number,
  dir: string,
  options: StartServerOptions,
): Promise<RedisProcess> {
  // Each flag is its own argv entry, so `--save ''` is an empty argument, not a quoted one.
  const args = [
    '--port',
    String(port),
    '--bind',
    HOST,
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'no',
    '--dir',
    dir,
    ...(options.args ?? []),
  ];
  const proc = spawnRedis(args, dir);
  try {
    await waitForPing(port, proc, options.readyTimeoutMs ?? 10_000);
    return proc;
  } catch (error) {
    await stopRedis(proc);
    throw new Error(
      `redis-server on port ${port} did not start: ${String(error)}\n${await logTail(dir)}`,
    );
  }
}

async function waitForPing(port: number, proc: RedisProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.hasExited()) throw new Error(`exited (${await proc.exited})`);
    try {
      // Ask for the pid, not just PONG: another server may already hold this port.
      const info = await command(HOST, port, ['INFO', 'server'], 500);
      if (typeof info === 'string' && info.includes(`process_id:${proc.pid}\r\n`)) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`no reply from our process within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
