import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, kairos, minuteAgo, targets, workspace } from './kairos';

/** A running `kairos serve`: its URL (read from the start message), its output so far, a stop. */
async function startServe(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start message: ${stderr}`)), 20_000);
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      // The last start line: everything about the server has been said by then.
      const match = /serving on (http:\/\/\S+)[\s\S]*Ctrl-C to stop/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    output: () => stderr,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      child.kill(signal);
      const [code] = await once(child, 'exit');
      return code as number | null;
    },
  };
}

describe.runIf(targets.available)('kairos serve', () => {
  let cwd: string;
  const t0 = minuteAgo(10);
  beforeAll(async () => {
    cwd = await workspace();
    const input = [0, 1, 2]
      .map((m) => `{"name":"web","value":${m + 1},"time":${t0 + m * 60}}`)
      .join('\n');
    expect((await kairos(['import', 'logins'], { cwd, input })).code).toBe(0);
  });

  it('serves every configured series on 127.0.0.1, says so, and stops on SIGTERM with 0', async () => {
    const server = await startServe([], cwd);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(server.output()).toMatch(/no token is set; listening on 127.0.0.1 only/);
      const keys = (await (await fetch(`${server.url}api/keys`)).json()) as {
        keys: { key: string }[];
      };
      expect(keys.keys.map((k) => k.key)).toEqual(['latency', 'logins', 'tags']);
      const from = t0 * 1000;
      const series = await (
        await fetch(
          `${server.url}api/series/logins?names=web&interval=minute&from=${from}&to=${from + 179_999}`,
        )
      ).json();
      expect(series).toEqual({
        interval: 'minute',
        rows: [
          { time: from, value: 1 },
          { time: from + 60_000, value: 2 },
          { time: from + 120_000, value: 3 },
        ],
      });
      expect((await fetch(server.url)).headers.get('content-type')).toMatch(/text\/html/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('takes the token from --token or KAIROS_TOKEN', async () => {
    for (const [args, env] of [
      [['--token', 'flag-token'], {}],
      [[], { KAIROS_TOKEN: 'flag-token' }],
    ] as const) {
      const server = await startServe(args, cwd, env);
      try {
        expect(server.output()).toMatch(/a bearer token is required/);
        expect((await fetch(`${server.url}api/keys`)).status).toBe(401);
        const ok = await fetch(`${server.url}api/keys`, {
          headers: { Authorization: 'Bearer flag-token' },
        });
        expect(ok.status).toBe(200);
      } finally {
        expect(await server.stop('SIGINT')).toBe(0);
      }
    }
  });

  it('a bad port is a usage error (2); a taken port a failure (1)', async () => {
    const bad = await kairos(['serve', '--port', 'eighty'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port: must be a port number from 0 to 65535; got "eighty"/);
    const server = await startServe([], cwd);
    try {
      const port = new URL(server.url).port;
      const taken = await kairos(['serve', '--port', port], { cwd });
      expect(taken.code).toBe(1);
      expect(taken.stderr).toMatch(new RegExp(`cannot listen on 127.0.0.1:${port}: EADDRINUSE`));
    } finally {
      await server.stop();
    }
  });
});
