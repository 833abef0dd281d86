import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { kairos, minuteAgo, standaloneUrl, targets, uniquePrefix } from './kairos';
import { onPty } from './pty';

/** A config with a source series, a copy of its schema under another prefix, and an hourly target. */
async function workspace(): Promise<{ cwd: string; prefix: string }> {
  const cwd = await mkdtemp(join(tmpdir(), 'kairos-cli-dump-'));
  const prefix = uniquePrefix();
  const minute = { step: 60, steps: 1440 };
  const series = (name: string, intervals: object) => ({
    type: 'series',
    prefix: `${prefix}:${name}`,
    read: 'number',
    intervals,
  });
  const config = {
    redis: standaloneUrl(),
    series: {
      latency: series('latency', { minute }),
      copy: series('copy', { minute }),
      hourly: series('hourly', { minute, hour: { step: '1h', steps: 48 } }),
      logins: { type: 'count', prefix: `${prefix}:logins`, intervals: { minute } },
    },
  };
  await writeFile(join(cwd, 'kairos.config.json'), JSON.stringify(config));
  return { cwd, prefix };
}

/** A dump's records without TTLs (which tick), sorted. */
function records(text: string): unknown[] {
  const lines = text.trim().split('\n').slice(1, -1);
  return lines
    .map((line) => {
      const { ttl: _, ...record } = JSON.parse(line);
      return JSON.stringify(record);
    })
    .sort();
}

describe.runIf(targets.available)('dump, restore, migrate', () => {
  let cwd: string;
  const t0 = minuteAgo(90);
  beforeEach(async () => {
    ({ cwd } = await workspace());
    const lines = Array.from({ length: 120 }, (_, k) =>
      JSON.stringify({ name: k % 3 ? 'api' : 'web', value: k * 0.5, time: t0 + k * 37 }),
    );
    const imported = await kairos(['import', 'latency'], { cwd, input: lines.join('\n') });
    expect(imported.code).toBe(0);
  });

  it('dumps to a .gz file and restores under another prefix, twice, with a summary', async () => {
    const dump = await kairos(['dump', 'latency', '--out', 'all.ndjson.gz'], { cwd });
    expect(dump.code).toBe(0);
    expect(dump.stdout).toBe('');
    expect(dump.stderr).toMatch(
      /^dumped \d+ buckets \(120 values\) of 2 names to all.ndjson.gz\n$/,
    );
    expect((await readFile(join(cwd, 'all.ndjson.gz')))[0]).toBe(0x1f);
    const buckets = Number(/dumped (\d+)/.exec(dump.stderr)?.[1]);

    for (let n = 0; n < 2; n++) {
      const restore = await kairos(['restore', 'copy', 'all.ndjson.gz'], { cwd });
      expect(restore).toMatchObject({
        code: 0,
        stdout: '',
        stderr: `restored ${buckets} buckets (120 values) of 2 names\n`,
      });
    }
    const source = await kairos(['dump', 'latency'], { cwd });
    const copy = await kairos(['dump', 'copy'], { cwd });
    expect(records(copy.stdout)).toEqual(records(source.stdout));
    expect(JSON.parse(source.stdout.split('\n')[0]!)).toMatchObject({
      kairos: 'dump',
      version: 1,
      series: { type: 'series', intervals: { minute: { step: 60, steps: 1440 } } },
    });
  });

  it('shows progress bars on a terminal (piped, stderr gets the summary alone)', async () => {
    const dump = onPty(['dump', 'latency', '--out', 'bar.ndjson'], { cwd, columns: 100, rows: 10 });
    expect(await dump.exited).toBe(0);
    expect(dump.output()).toMatch(/dumping \d+ buckets \| [\d,]+ values/);
    expect(dump.output()).toMatch(/dumped \d+ buckets \(120 values\) of 2 names to bar.ndjson/);
    const restore = onPty(['restore', 'copy', 'bar.ndjson'], { cwd, columns: 100, rows: 10 });
    expect(await restore.exited).toBe(0);
    expect(restore.output()).toMatch(/restoring \d+ buckets/);
    const migrate = onPty(['migrate', 'latency', 'hourly'], { cwd, columns: 100, rows: 10 });
    expect(await migrate.exited).toBe(0);
    expect(migrate.output()).toMatch(/migrating \[[█░]+\] \d+% \| \d+ names/);
  });

  it('pipes: dump of some names to stdout, restore from stdin with --prefix', async () => {
    const dump = await kairos(['dump', 'latency', 'web'], { cwd });
    expect(dump.code).toBe(0);
    expect(dump.stderr).toMatch(/^dumped \d+ buckets \(40 values\) of 1 names\n$/);
    const other = `${uniquePrefix()}:elsewhere`;
    const restore = await kairos(['restore', 'latency', '-', '--prefix', other], {
      cwd,
      input: dump.stdout,
    });
    expect(restore.code).toBe(0);
    expect(restore.stderr).toMatch(/^restored \d+ buckets \(40 values\) of 1 names\n$/);
  });

  it('a truncated or corrupt dump fails with its line number (exit 1)', async () => {
    const dump = await kairos(['dump', 'latency'], { cwd });
    const lines = dump.stdout.split('\n');
    await writeFile(join(cwd, 'cut.ndjson'), lines.slice(0, 5).join('\n'));
    const cut = await kairos(['restore', 'copy', 'cut.ndjson'], { cwd });
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(
      /^kairos: cut.ndjson: dump line 6: the dump stops after line 5 without its end line \(truncated\?\)/m,
    );
    await writeFile(
      join(cwd, 'bad.ndjson'),
      [...lines.slice(0, 3), '{oops', ...lines.slice(4)].join('\n'),
    );
    const bad = await kairos(['restore', 'copy', 'bad.ndjson'], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^kairos: bad.ndjson: dump line 4: not JSON/m);
    const record = JSON.parse(lines[2]!);
    await writeFile(
      join(cwd, 'record.ndjson'),
      [...lines.slice(0, 2), JSON.stringify({ ...record, data: [1] }), ...lines.slice(3)].join(
        '\n',
      ),
    );
    const invalid = await kairos(['restore', 'copy', 'record.ndjson'], { cwd });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(
      /^kairos: record.ndjson: line 3: record 2: series data must be an array of strings/m,
    );
    const wrongType = await kairos(['restore', 'logins', 'cut.ndjson'], { cwd });
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toBe('kairos: the dump holds a series series; "logins" is a count\n');
    const missing = await kairos(['restore', 'copy', 'nowhere.ndjson'], { cwd });
    expect(missing.code).toBe(2);
    const unknown = await kairos(['dump', 'nope'], { cwd });
    expect(unknown.code).toBe(2);
  });

  it('migrate --dry-run prints the plan and writes nothing; migrate writes the hours', async () => {
    const plan = await kairos(['migrate', 'latency', 'hourly', '--dry-run'], { cwd });
    expect(plan.code).toBe(0);
    const [head, minuteRow, hourRow] = plan.stdout.trim().split('\n');
    expect(head?.split(/\s{2,}/)).toEqual([
      'interval',
      'from',
      'buckets',
      'values',
      'expired',
      'underivable',
      'why underivable',
    ]);
    expect(minuteRow?.split(/\s+/).slice(0, 2)).toEqual(['minute', 'minute']);
    const hours = hourRow?.split(/\s+/) ?? [];
    expect(hours.slice(0, 2)).toEqual(['hour', 'minute']);
    expect(hours[3]).toBe('120');
    expect(plan.stderr).toMatch(
      /^dry run: \d+ buckets \(240 values\) of 2 names would be written; nothing was\n$/,
    );
    expect(records((await kairos(['dump', 'hourly'], { cwd })).stdout)).toEqual([]);

    const done = await kairos(['migrate', 'latency', 'hourly'], { cwd });
    expect(done.code).toBe(0);
    expect(done.stdout).toBe(plan.stdout);
    expect(done.stderr).toMatch(/^migrated 2 names: \d+ buckets \(240 values\) written\n$/);
    const fetched = await kairos(
      [
        'fetch',
        'hourly',
        'api',
        'web',
        '-i',
        'hour',
        '-s',
        String(t0),
        '-e',
        'now',
        '-t',
        'count',
        '-f',
        'json',
      ],
      { cwd },
    );
    const counts = (JSON.parse(fetched.stdout) as { value: number }[]).map((r) => r.value);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(120);
  });
});
