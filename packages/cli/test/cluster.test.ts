import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kairos, minuteAgo, targets, workspace } from './kairos';

describe.runIf(targets.available)('on the 3-master cluster', () => {
  let cwd: string;
  const t0 = minuteAgo(15);
  beforeAll(async () => {
    cwd = await workspace({
      cluster: targets.cluster!.map(({ host, port }) => `redis://${host}:${port}`),
    });
  });

  it('imports, lists, fetches, graphs and deletes names spread over the masters', async () => {
    const names = Array.from({ length: 12 }, (_, n) => `host${n}`);
    const input = names
      .flatMap((name, n) =>
        [0, 1, 2].map((m) => JSON.stringify({ name, value: n + m, time: t0 + m * 60 })),
      )
      .join('\n');
    expect(await kairos(['import', 'latency'], { cwd, input })).toMatchObject({
      code: 0,
      stderr: 'imported 36 values for 12 names\n',
    });
    expect(
      (await kairos(['insert', 'latency', 'extra', '100', '--at', String(t0)], { cwd })).code,
    ).toBe(0);
    const list = await kairos(['list', 'latency', '--json'], { cwd });
    expect(JSON.parse(list.stdout)).toEqual([...names, 'extra'].sort());
    const fetch = await kairos(
      [
        'fetch',
        'latency',
        ...names,
        'extra',
        '-i',
        'minute',
        '-s',
        String(t0),
        '-n',
        '3',
        '-t',
        'sum',
        '-f',
        'csv',
      ],
      { cwd },
    );
    // Σ over n of (n + m) for 12 names, plus the extra 100 in the first minute.
    expect(fetch.stdout).toBe(`time,value\n${t0},166\n${t0 + 60},78\n${t0 + 120},90\n`);
    const out = join(cwd, 'cluster.svg');
    expect(
      (
        await kairos(
          [
            'graph',
            'latency',
            'host1',
            'host2',
            '-i',
            'minute',
            '-s',
            String(t0),
            '-n',
            '3',
            '-o',
            out,
          ],
          { cwd },
        )
      ).code,
    ).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('>host2</text>');
    const info = JSON.parse((await kairos(['info', 'latency', 'host3', '--json'], { cwd })).stdout);
    expect(info.minute).toMatchObject({ first: t0, last: t0 + 120 });
    expect(await kairos(['delete', 'latency', 'extra', '--yes'], { cwd })).toMatchObject({
      code: 0,
      stdout: 'deleted 3 keys of "extra"\n',
    });
    expect(JSON.parse((await kairos(['list', 'latency', '--json'], { cwd })).stdout)).toEqual(
      [...names].sort(),
    );
  });
});
