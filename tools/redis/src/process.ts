import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A running `redis-server` child process. */
export interface RedisProcess {
  readonly pid: number;
  /** Resolves with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<string>;
  /** True once the process has exited. */
  hasExited(): boolean;
}

const live = new Set<ChildProcess>();

// A synchronous last resort: when the owning Node process exits normally (or through
// process.exit) without stopping its servers, they must not outlive it.
process.on('exit', () => {
  for (const child of live) if (child.pid) safeKill(child.pid, 'SIGKILL');
});

/**
 * Spawns `redis-server` with `args`, logging into `dir`. A detached watchdog shell kills
 * the server within about a second if this Node process dies without cleaning up
 * (SIGKILL, a crashed vitest worker), which no exit handler can cover.
 */
export function spawnRedis(args: readonly string[], dir: string): RedisProcess {
  const child = spawn('redis-server', [...args, '--logfile', join(dir, 'redis.log')], {
    cwd: dir,
    stdio: 'ignore',
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('redis-server could not be spawned (is it on PATH?)');
  live.add(child);
  let done = false;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      live.delete(child);
      resolve(signal ?? `code ${code}`);
    });
  });
  child.once('error', () => {});
  startWatchdog(pid);
  return { pid, exited, hasExited: () => done };
}

function startWatchdog(pid: number): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${pid} 2>/dev/null; do sleep 1; done; kill -9 ${pid} 2>/dev/null`;
  const watchdog = spawn('sh', ['-c', script], { stdio: 'ignore', detached: true });
  watchdog.once('error', () => {});
  watchdog.unref();
}

/**
 * Stops the process by pid: SIGTERM, then SIGKILL if it has not exited after `graceMs`.
 * Resolves once it has exited.
 */
export async function stopRedis(proc: RedisProcess, graceMs = 5_000): Promise<void> {
  if (proc.hasExited()) return;
  safeKill(proc.pid, 'SIGTERM');
  const timer = setTimeout(() => safeKill(proc.pid, 'SIGKILL'), graceMs);
  try {
    await proc.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** The last lines of the server log in `dir`, for error messages. */
export async function logTail(dir: string, lines = 15): Promise<string> {
  try {
    const text = await readFile(join(dir, 'redis.log'), 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function safeKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone: nothing to stop.
  }
}
