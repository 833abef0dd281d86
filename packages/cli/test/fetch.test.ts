import { beforeAll, describe, expect, it } from 'vitest';
import { kairos, minuteAgo, targets, workspace } from './kairos';

describe.runIf(targets.available)('insert, list and fetch', () => {
  let cwd: string;
  const t0 = minuteAgo(10);
  const t1 = t0 + 60;
  const range = ['--interval', 'minute', '--start', String(t0), '--end', String(t1 + 60)];

  beforeAll(async () => {
    cwd = await workspace();
    for (const [name, value, at] of [
      ['api', '1.5', t0 + 5],
      ['api', '2.5', t0 + 10],
      ['api', '4', t1],
      ['web', '10', t1 + 30],
    ] as const) {
      const run = await kairos(['insert', 'latency', name, value, '--at', String(at)], { cwd });
      expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    }
  });

  it('lists names, one a line or as JSON', async () => {
    expect(await kairos(['list', 'latency'], { cwd })).toMatchObject({
      code: 0,
      stdout: 'api\nweb\n',
    });
    expect(JSON.parse((await kairos(['list', 'latency', '--json'], { cwd })).stdout)).toEqual([
      'api',
      'web',
    ]);
  });

  it('joins names in json and gives each its own record with --each', async () => {
    const joined = await kairos(['fetch', 'latency', 'api', 'web', ...range, '--format', 'json'], {
      cwd,
    });
    expect(joined.code).toBe(0);
    expect(JSON.parse(joined.stdout)).toEqual([
      { time: t0, value: [1.5, 2.5] },
      { time: t1, value: [4, 10] },
      { time: t1 + 60, value: [] },
    ]);
    const each = await kairos(
      [
        'fetch',
        'latency',
        'api',
        'web',
        ...range,
        '--format',
        'ndjson',
        '--each',
        '--transform',
        'sum',
      ],
      { cwd },
    );
    expect(
      each.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { time: t0, name: 'api', value: 4 },
      { time: t0, name: 'web', value: 0 },
      { time: t1, name: 'api', value: 4 },
      { time: t1, name: 'web', value: 10 },
      { time: t1 + 60, name: 'api', value: 0 },
      { time: t1 + 60, name: 'web', value: 0 },
    ]);
  });

  it('writes csv with Unix seconds, or ISO times in a zone', async () => {
    const plain = await kairos(
      ['fetch', 'latency', 'api', 'web', ...range, '--each', '-t', 'max', '-f', 'csv'],
      { cwd },
    );
    expect(plain.stdout).toBe(`time,api,web\n${t0},2.5,\n${t1},4,10\n${t1 + 60},,\n`);
    const zoned = await kairos(
      [
        'fetch',
        'latency',
        'api',
        ...range,
        '-t',
        'mean,count',
        '-f',
        'csv',
        '--tz',
        'Asia/Kolkata',
      ],
      { cwd },
    );
    const lines = zoned.stdout.trim().split('\n');
    expect(lines[0]).toBe('time,mean,count');
    expect(lines[1]).toBe(
      `${new Date((t0 + 5.5 * 3600) * 1000).toISOString().slice(0, 19)}+05:30,2,2`,
    );
  });

  it('prints an aligned table with rounded numbers', async () => {
    const run = await kairos(
      ['fetch', 'latency', 'api', ...range, '--transform', 'mean', '--tz', 'UTC'],
      { cwd },
    );
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^time\s+value$/);
    expect(lines[1]).toBe(
      `${new Date(t0 * 1000).toISOString().slice(0, 19).replace('T', ' ')}      2`,
    );
    expect(lines.map((l) => l.length)).toEqual([
      lines[0]!.length,
      lines[0]!.length,
      lines[0]!.length,
      lines[0]!.length,
    ]);
  });

  it('reads a fine interval per resolution bucket, or condensed', async () => {
    const hour = Math.floor(t0 / 3600) * 3600;
    const fine = await kairos(
      [
        'fetch',
        'latency',
        'api',
        '-i',
        'hour',
        '-s',
        String(t0),
        '-n',
        '1',
        '-t',
        'count',
        '-f',
        'json',
      ],
      { cwd },
    );
    const rows = JSON.parse(fine.stdout) as { time: number; value: number }[];
    expect(rows.filter((r) => r.time === t0 || r.time === t1)).toEqual([
      { time: t0, value: 2 },
      { time: t1, value: 1 },
    ]);
    const condensed = await kairos(
      [
        'fetch',
        'latency',
        'api',
        '-i',
        'hour',
        '-s',
        String(hour),
        '-n',
        '1',
        '-t',
        'count',
        '--condense',
        '-f',
        'json',
      ],
      { cwd },
    );
    expect(JSON.parse(condensed.stdout)).toEqual([{ time: hour, value: t1 < hour + 3600 ? 3 : 2 }]);
  });

  it('collapses a range into one row', async () => {
    const run = await kairos(
      ['fetch', 'latency', 'api', ...range, '--collapse', '-t', 'sum', '-f', 'json'],
      { cwd },
    );
    expect(JSON.parse(run.stdout)).toEqual([{ time: t0, value: 8 }]);
  });

  it('adds 1 to a count without a value, and rejects a bad value with exit 2', async () => {
    expect((await kairos(['insert', 'logins', 'web', '--at', String(t0)], { cwd })).code).toBe(0);
    expect((await kairos(['insert', 'logins', 'web', '2', '--at', String(t0)], { cwd })).code).toBe(
      0,
    );
    const run = await kairos(
      ['fetch', 'logins', 'web', '-i', 'minute', '-s', String(t0), '-n', '1', '-f', 'csv'],
      { cwd },
    );
    expect(run.stdout).toBe(`time,value\n${t0},3\n`);
    const bad = await kairos(['insert', 'logins', 'web', 'lots'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/count takes finite numbers; got "lots"/);
  });
});
