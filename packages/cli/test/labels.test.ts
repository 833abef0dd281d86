import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kairos, minuteAgo, targets, workspace } from './kairos';

describe.runIf(targets.available)('labels, and reads by --filter', () => {
  let cwd: string;
  const t0 = minuteAgo(10);
  const range = ['--interval', 'minute', '--start', String(t0), '--end', String(t0 + 60)];
  const run = (args: string[]) => kairos(args, { cwd });

  beforeAll(async () => {
    cwd = await workspace();
    for (const [name, value, at] of [
      ['api', '2', t0],
      ['api', '4', t0 + 60],
      ['web', '10', t0],
      ['db', '7', t0 + 60],
    ] as const) {
      expect((await run(['insert', 'latency', name, value, '--at', String(at)])).code).toBe(0);
    }
    for (const [name, labels] of [
      ['api', ['service=front', 'region=eu']],
      ['web', ['service=front', 'region=us']],
      ['db', ['service=store', 'region=eu']],
    ] as const) {
      expect(await run(['label', 'latency', name, ...labels])).toMatchObject({
        code: 0,
        stdout: '',
      });
    }
  });

  it('sets, prints and removes labels', async () => {
    expect(await run(['labels', 'latency', 'api'])).toMatchObject({
      code: 0,
      stdout: 'region=eu\nservice=front\n',
    });
    expect(JSON.parse((await run(['labels', 'latency', 'web', '--json'])).stdout)).toEqual({
      service: 'front',
      region: 'us',
    });
    expect(await run(['label', 'latency', 'api', 'region'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/key=value; got "region"/),
    });
    expect((await run(['label', 'latency', 'old', 'team=ops'])).code).toBe(0);
    expect((await run(['labels', 'latency', 'old'])).stdout).toBe('team=ops\n');
    expect((await run(['label', 'latency', 'old'])).code).toBe(0);
    expect(await run(['labels', 'latency', 'old', '--json'])).toMatchObject({
      code: 0,
      stdout: '{}\n',
    });
    const bad = await run(['label', 'latency', 'api', 'reg\tion=eu']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/\n.+\n/);
  });

  it('lists the names a filter matches', async () => {
    expect(await run(['list', 'latency', '--filter', 'service=front'])).toMatchObject({
      code: 0,
      stdout: 'api\nweb\n',
    });
    const eu = await run(['list', 'latency', '--filter', 'region=eu service!=front', '--json']);
    expect(JSON.parse(eu.stdout)).toEqual(['db']);
  });

  it('fetches one column per matched name, or per group, or groups reduced', async () => {
    const each = await run([
      'fetch',
      'latency',
      '--filter',
      'region=(eu,us)',
      ...range,
      '-t',
      'max',
      '-f',
      'csv',
    ]);
    expect(each).toMatchObject({ code: 0, stderr: '' });
    expect(each.stdout).toBe(`time,api,db,web\n${t0},2,,10\n${t0 + 60},4,7,\n`);
    const grouped = await run([
      'fetch',
      'latency',
      '--filter',
      'region=(eu,us)',
      '--group-by',
      'region',
      ...range,
      '-t',
      'max',
      '-f',
      'json',
    ]);
    expect(JSON.parse(grouped.stdout)).toEqual([
      { time: t0, name: 'eu', value: 2 },
      { time: t0, name: 'us', value: 10 },
      { time: t0 + 60, name: 'eu', value: 7 },
      { time: t0 + 60, name: 'us', value: null },
    ]);
    const reduced = await run([
      'fetch',
      'latency',
      '--filter',
      'region=eu',
      '--group-by',
      'region',
      '--reduce',
      'sum',
      ...range,
      '-t',
      'max',
      '-f',
      'csv',
    ]);
    expect(reduced.stdout).toBe(`time,eu\n${t0},2\n${t0 + 60},11\n`);
  });

  it('draws one line per group', async () => {
    const out = join(cwd, 'groups.svg');
    const graph = await run([
      'graph',
      'latency',
      '--filter',
      'service=(front,store)',
      '--group-by',
      'service',
      ...range,
      '--out',
      out,
    ]);
    expect(graph).toMatchObject({ code: 0, stderr: '' });
    const svg = await readFile(out, 'utf8');
    expect(svg).toContain('>front</text>');
    expect(svg).toContain('>store</text>');
  });

  it('watches the groups of a filter', async () => {
    const watch = await kairos(
      [
        'watch',
        'latency',
        '--filter',
        'service=front',
        '--group-by',
        'region',
        '-i',
        'minute',
        '-t',
        'max',
        '--every',
        '0.2',
        '--count',
        '1',
      ],
      { cwd, env: { COLUMNS: '80', LINES: '16' } },
    );
    expect(watch).toMatchObject({ code: 0, stderr: '' });
    expect(watch.stdout.split('\n')[0]).toBe(
      'kairos watch latency service=front · by region · minute · max',
    );
    expect(watch.stdout).toMatch(/^eu {2}now 4/m);
    expect(watch.stdout).toMatch(/^us {2}now 10/m);
  });

  it('turns a bad filter or a mix of names and --filter into a usage error (exit 2)', async () => {
    for (const args of [
      ['fetch', 'latency', '--filter', 'region!=eu', ...range],
      ['fetch', 'latency', 'api', '--filter', 'region=eu', ...range],
      ['fetch', 'latency', '--group-by', 'region', ...range],
      ['fetch', 'latency', ...range],
      ['fetch', 'latency', '--filter', 'region=eu', '--reduce', 'sum', ...range],
      [
        'fetch',
        'latency',
        '--filter',
        'region=eu',
        '--group-by',
        'region',
        '--reduce',
        'avg',
        ...range,
      ],
      ['list', 'latency', '--filter', 'region='],
    ]) {
      const answer = await run(args);
      expect(answer.code, args.join(' ')).toBe(2);
      expect(answer.stdout).toBe('');
      expect(answer.stderr, args.join(' ')).toMatch(/\S/);
    }
    expect((await run(['fetch', 'latency', '--filter', 'region!=eu', ...range])).stderr).toMatch(
      /region!=eu/,
    );
  });
});
