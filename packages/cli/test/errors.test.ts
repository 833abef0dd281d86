import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '@kairos-tools/redis-server';
import { beforeAll, describe, expect, it } from 'vitest';
import { kairos, standaloneUrl, targets, workspace } from './kairos';

describe.runIf(targets.available)('exit codes and messages', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await workspace();
  });

  it.each([
    [['fetc'], /unknown command 'fetc'[\s\S]*valid commands: .*fetch/],
    [
      ['fetch', 'latency', 'api', '-i', 'minute', '--bogus'],
      /unknown option '--bogus'[\s\S]*valid options: .*--interval/,
    ],
    [
      ['fetch', 'nope', 'api', '-i', 'minute'],
      /unknown series "nope"; configured in kairos.config.json: latency, logins, tags/,
    ],
    [
      ['fetch', 'latency', 'api', '-i', 'day'],
      /unknown interval "day" for series "latency"; configured: minute, hour/,
    ],
    [
      ['fetch', 'latency', 'api', '-i', 'minute', '-t', 'avg'],
      /unknown transform "avg"; valid: count, sum, mean/,
    ],
    [
      ['fetch', 'latency', 'api', '-i', 'minute', '-f', 'xml'],
      /Allowed choices are table, csv, json, ndjson/,
    ],
    [
      ['fetch', 'latency', 'api', '-i', 'minute', '--start', 'yesterday'],
      /--start: cannot read "yesterday" as a time/,
    ],
    [
      ['fetch', 'latency', 'api', '-i', 'minute', '--tz', 'Mars/Base'],
      /unknown time zone "Mars\/Base"/,
    ],
    [['fetch', 'latency', 'api'], /required option '-i, --interval <name>' not specified/],
  ])('exits 2 on %j, listing the valid choices', async (args, message) => {
    const run = await kairos(args, { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 0 with help and an example for the program and every command', async () => {
    const help = await kairos(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    const names = [...help.stdout.matchAll(/^ {2}(\w+) /gm)]
      .map((m) => m[1]!)
      .filter((n) => n !== 'help');
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(help.stdout).toMatch(/Examples?:\n {2}\$ kairos /);
    for (const name of names) {
      const run = await kairos([name, '--help']);
      expect(run.code, name).toBe(0);
      expect(run.stdout, name).toMatch(new RegExp(`Examples?:\\n {2}\\$ kairos ${name}\\b`));
    }
  });

  it('prints the version', async () => {
    const run = await kairos(['--version']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('names the file, the path and the problem of a bad configuration', async () => {
    const file = join(cwd, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({
        series: { x: { type: 'series', intervals: { minute: { step: 60, steps: -1 } } } },
      }),
    );
    const run = await kairos(['list', 'x', '--config', file], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /bad\.json: series\.x: interval "minute" steps: must be a whole number/,
    );
    await writeFile(
      file,
      '{ "series": { "x": { "type": "series", "read": "float", "intervals": {} } } }',
    );
    const read = await kairos(['list', 'x'], { cwd, env: { KAIROS_CONFIG: file } });
    expect(read.stderr).toMatch(
      /bad\.json: series\.x\.read: must be one of number, string, json; got "float"/,
    );
    await writeFile(file, '{\n  "series": {\n    "x": 1,\n  }\n}');
    const syntax = await kairos(['list', 'x', '-c', file], { cwd });
    expect(syntax.stderr).toMatch(/bad\.json: is not valid JSON: .*line 4/);
    const missing = await kairos(['list', 'x'], { cwd: join(cwd, '..') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no kairos\.config\.json in .*; run "kairos init"/);
  });

  it('reads the default export of a .mjs config; --redis beats REDIS_URL, which beats the file', async () => {
    const port = await freePort();
    const dead = `redis://127.0.0.1:${port}`;
    const file = join(cwd, 'kairos.config.mjs');
    await writeFile(
      file,
      `export default { redis: ${JSON.stringify(dead)}, series: { m: { type: 'count', prefix: 'mjs${port}', intervals: { minute: { step: 60 } } } } };\n`,
    );
    const viaEnv = await kairos(['insert', 'm', 'x', '-c', file], {
      cwd,
      env: { REDIS_URL: standaloneUrl() },
    });
    expect(viaEnv).toMatchObject({ code: 0, stderr: '' });
    const list = await kairos(['list', 'm'], {
      cwd,
      env: { KAIROS_CONFIG: file, REDIS_URL: standaloneUrl() },
    });
    expect(list.stdout).toBe('x\n');
    const flagWins = await kairos(['list', 'm', '-c', file, '--redis', dead], {
      cwd,
      env: { REDIS_URL: standaloneUrl() },
    });
    expect(flagWins.code).toBe(1);
    const fileUsed = await kairos(['list', 'm', '-c', file], { cwd });
    expect(fileUsed.code).toBe(1);
    expect(fileUsed.stderr).toContain(`127.0.0.1:${port}`);
    await writeFile(file, 'export const series = {};\n');
    const noDefault = await kairos(['list', 'm', '-c', file], { cwd });
    expect(noDefault).toMatchObject({
      code: 2,
      stderr: `kairos: ${file}: has no default export\n`,
    });
  });

  it('exits 1 naming a dead server and the cause, quickly', async () => {
    const port = await freePort();
    const started = Date.now();
    const run = await kairos(['list', 'latency', '--redis', `redis://127.0.0.1:${port}`], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^kairos: cannot use Redis at 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    const env = await kairos(['list', 'latency'], {
      cwd,
      env: { REDIS_URL: `redis://127.0.0.1:${port}` },
    });
    expect(env.code).toBe(1);
    expect(env.stderr).toMatch(/ECONNREFUSED/);
  });

  it('prints the stack of a failure with --debug', async () => {
    const port = await freePort();
    const run = await kairos(
      ['list', 'latency', '--redis', `redis://127.0.0.1:${port}`, '--debug'],
      { cwd },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});
