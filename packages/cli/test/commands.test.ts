import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kairos, minuteAgo, standaloneUrl, targets, workspace } from './kairos';
import { onPty } from './pty';

describe.runIf(targets.available)('info, delete and init', () => {
  let cwd: string;
  const t0 = minuteAgo(20);
  beforeAll(async () => {
    cwd = await workspace();
    const input = [0, 5, 12]
      .map((m) => `{"name":"api","value":${m},"time":${t0 + m * 60}}`)
      .join('\n');
    expect((await kairos(['import', 'latency'], { cwd, input })).code).toBe(0);
  });

  it('shows first and last bucket and the TTL left per interval', async () => {
    const run = await kairos(['info', 'latency', 'api', '--json'], { cwd });
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout);
    expect(Object.keys(info)).toEqual(['minute', 'hour']);
    expect(info.minute).toMatchObject({ first: t0, last: t0 + 720 });
    // The last bucket expires `steps` intervals after it starts.
    const left = t0 + 720 + 1440 * 60 - Date.now() / 1000;
    expect(info.minute.ttl).toBeGreaterThan(left - 30);
    expect(info.minute.ttl).toBeLessThanOrEqual(left + 60);
    expect(info.hour.ttl).toBeGreaterThan(46 * 3600);
    const text = await kairos(['info', 'latency', 'api', '--tz', 'UTC'], { cwd });
    expect(text.stdout).toMatch(
      /^interval +first +last +ttl\nminute +\d{4}-\d\d-\d\d \d\d:\d\d:00 +\d{4}-.* +23h \d+m\nhour /,
    );
  });

  it('refuses to delete without --yes when stdin is not a terminal, deletes with it', async () => {
    const refused = await kairos(['delete', 'latency', 'api'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /refusing to delete "api" without --yes: stdin is not a terminal/,
    );
    expect((await kairos(['list', 'latency'], { cwd })).stdout).toBe('api\n');
    const other = await workspace();
    expect((await kairos(['insert', 'latency', 'gone', '1'], { cwd: other })).code).toBe(0);
    const deleted = await kairos(['delete', 'latency', 'gone', '--yes'], { cwd: other });
    expect(deleted).toMatchObject({ code: 0, stdout: 'deleted 3 keys of "gone"\n' });
    expect((await kairos(['list', 'latency'], { cwd: other })).stdout).toBe('');
  });

  it('asks on a terminal and deletes only on yes', async () => {
    const no = onPty(['delete', 'latency', 'api'], { cwd, columns: 80, rows: 24 });
    await no.waitFor(/\[y\/N\] /);
    no.type('n\r');
    expect(await no.exited).toBe(0);
    expect(no.output()).toMatch(/nothing deleted/);
    expect((await kairos(['list', 'latency'], { cwd })).stdout).toBe('api\n');
    const yes = onPty(['delete', 'latency', 'api'], { cwd, columns: 80, rows: 24 });
    await yes.waitFor(/\[y\/N\] /);
    yes.type('y\r');
    expect(await yes.exited).toBe(0);
    expect(yes.output()).toMatch(/deleted \d+ keys of "api"/);
    expect((await kairos(['list', 'latency'], { cwd })).stdout).toBe('');
  });

  it('writes a commented starter config that loads, and will not overwrite it', async () => {
    const dir = await workspace();
    const file = join(dir, 'fresh.json');
    expect(await kairos(['init', file], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    expect(await readFile(file, 'utf8')).toMatch(/^\{\n {2}\/\/ Where Redis is/);
    const again = await kairos(['init', file], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists already; pass --force/);
    expect((await kairos(['init', file, '--force'], { cwd: dir })).code).toBe(0);
    const list = await kairos(['list', 'logins', '-c', file, '--redis', standaloneUrl()], {
      cwd: dir,
    });
    expect(list).toMatchObject({ code: 0, stderr: '' });
  });
});
