import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redisTargets } from '@kairos-tools/redis-server/vitest';

/** The built command: the tests run what users run. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** The run's shared servers (see global-setup.ts). */
export const targets = redisTargets();

/** What a finished `kairos` process left. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link kairos}. */
export interface RunOptions {
  /** Working directory (where kairos.config.json is looked for). */
  cwd?: string;
  /** Added to a clean environment (no REDIS_URL or KAIROS_CONFIG from the caller's). */
  env?: Record<string, string>;
  /** Written to stdin, which is then closed. */
  input?: string | Buffer;
  /** Killed after this long (the test then fails on a null code). */
  timeoutMs?: number;
}

/** Spawns the built `kairos` binary and collects its exit code and output. */
export function kairos(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run pnpm build first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? tmpdir(),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TZ: 'UTC',
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The shared standalone server's URL. */
export function standaloneUrl(): string {
  const { host, port } = targets.standalone!;
  return `redis://${host}:${port}`;
}

/** A key prefix of its own for each test, since test files share the servers. */
export function uniquePrefix(): string {
  return `cli${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * A fresh working directory holding `kairos.config.json` with the series a test uses:
 * `latency` (numbers, a minute and a fine hour interval), `logins` (a count), `tags` (json),
 * all under a prefix of their own.
 */
export async function workspace(redis: unknown = standaloneUrl()): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kairos-cli-'));
  const prefix = uniquePrefix();
  const config = {
    redis,
    series: {
      latency: {
        type: 'series',
        prefix: `${prefix}:latency`,
        read: 'number',
        intervals: {
          minute: { step: 60, steps: 1440 },
          hour: { step: '1h', resolution: 60, steps: 48 },
        },
      },
      logins: {
        type: 'count',
        prefix: `${prefix}:logins`,
        intervals: { minute: { step: 60, steps: 1440 } },
      },
      tags: {
        type: 'series',
        prefix: `${prefix}:tags`,
        read: 'json',
        intervals: { minute: { step: 60, steps: 1440 } },
      },
    },
  };
  await writeFile(join(dir, 'kairos.config.json'), JSON.stringify(config, null, 2));
  return dir;
}

/** The start of the minute `minutesAgo` minutes before now: inside every interval's TTL. */
export function minuteAgo(minutesAgo: number): number {
  return (Math.floor(Date.now() / 60_000) - minutesAgo) * 60;
}
