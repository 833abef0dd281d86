import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { kairos, minuteAgo, targets, workspace } from './kairos';
import { onPty } from './pty';

describe.runIf(targets.available)('import', () => {
  let cwd: string;
  const t0 = minuteAgo(30);
  beforeEach(async () => {
    cwd = await workspace();
  });

  const fetchJson = async (series: string, names: string[], extra: string[] = []) => {
    const run = await kairos(
      [
        'fetch',
        series,
        ...names,
        '-i',
        'minute',
        '-s',
        String(t0),
        '-e',
        String(t0 + 300),
        '-f',
        'json',
        ...extra,
      ],
      { cwd },
    );
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as { time: number; value: unknown }[];
  };

  it('streams NDJSON from a file and from stdin, and prints a summary', async () => {
    const lines = [
      { name: 'api', value: 1.5, time: t0 },
      { name: 'api', value: '2.5', time: new Date((t0 + 61) * 1000).toISOString() },
      {},
      { name: 'web', value: 7, time: t0 + 120 },
    ].map((l) => (Object.keys(l).length ? JSON.stringify(l) : ''));
    await writeFile(join(cwd, 'in.ndjson'), `${lines.join('\n')}\n`);
    const run = await kairos(['import', 'latency', 'in.ndjson'], { cwd });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: 'imported 3 values for 2 names\n' });
    expect((await fetchJson('latency', ['api', 'web'])).slice(0, 3)).toEqual([
      { time: t0, value: [1.5] },
      { time: t0 + 60, value: [2.5] },
      { time: t0 + 120, value: [7] },
    ]);
    const piped = await kairos(['import', 'latency', '-'], {
      cwd,
      input: `{"name":"db","value":3,"time":${t0}}\n`,
    });
    expect(piped).toMatchObject({ code: 0, stderr: 'imported 1 values for 1 names\n' });
    expect((await fetchJson('latency', ['db']))[0]).toEqual({ time: t0, value: [3] });
  });

  it('reads CSV with a header in any column order, quoted names and empty times', async () => {
    const csv = `name,value,time\n"a,b",1,${t0}\nc,2,${new Date(t0 * 1000).toISOString()}\nc,,\n`;
    const run = await kairos(['import', 'logins', '--format', 'csv'], { cwd, input: csv });
    expect(run).toMatchObject({ code: 0, stderr: 'imported 3 values for 2 names\n' });
    const list = await kairos(['list', 'logins'], { cwd });
    expect(list.stdout).toBe('a,b\nc\n');
    expect((await fetchJson('logins', ['c']))[0]).toEqual({ time: t0, value: 2 });
  });

  it('stops at a bad line with its number; the lines before it are written, none after', async () => {
    const input = [
      `{"name":"api","value":1,"time":${t0}}`,
      `{"name":"api","value":2,"time":${t0}}`,
      '{"name":"api","value":"lots"}',
      `{"name":"api","value":4,"time":${t0}}`,
    ].join('\n');
    const run = await kairos(['import', 'latency'], { cwd, input });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'imported 2 values for 1 names (every line before line 3); nothing from line 3 on was written\n' +
        'kairos: line 3: "value": a number series takes finite numbers; got "lots"\n',
    );
    expect((await fetchJson('latency', ['api']))[0]).toEqual({ time: t0, value: [1, 2] });
    const json = await kairos(['import', 'latency'], {
      cwd,
      input: '{"name":"x","value":1}\n{"name": oops}\n',
    });
    expect(json.stderr).toMatch(/kairos: line 2: not JSON/);
  });

  it('names the bad line past several chunks, when the library rejects it', async () => {
    const total = 25_000;
    const bad = 23_457;
    const lines: string[] = [];
    for (let n = 1; n <= total; n++) {
      const name = n === bad ? 'bad:name' : `n${n % 7}`;
      lines.push(`{"name":"${name}","time":${t0 + (n % 240)}}`);
    }
    await writeFile(join(cwd, 'many.ndjson'), `${lines.join('\n')}\n`);
    const run = await kairos(['import', 'logins', 'many.ndjson'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^imported ${bad - 1} values for 7 names \\(every line before line ${bad}\\)`),
    );
    expect(run.stderr).toMatch(new RegExp(`kairos: line ${bad}: invalid series name "bad:name"`));
    const names = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
    const sum = await kairos(
      [
        'fetch',
        'logins',
        ...names,
        '-i',
        'minute',
        '-s',
        String(t0),
        '-e',
        String(t0 + 240),
        '--collapse',
        '-f',
        'json',
      ],
      { cwd },
    );
    expect(JSON.parse(sum.stdout)).toEqual([{ time: t0, value: bad - 1 }]);
  });

  it('draws a progress bar on a terminal, and none when stderr is piped', async () => {
    const lines = Array.from(
      { length: 30_000 },
      (_, n) => `{"name":"p${n % 3}","value":${n},"time":${t0}}`,
    );
    await writeFile(join(cwd, 'bar.ndjson'), `${lines.join('\n')}\n`);
    const pty = onPty(['import', 'latency', 'bar.ndjson'], { cwd, columns: 100, rows: 10 });
    expect(await pty.exited).toBe(0);
    expect(pty.output()).toMatch(/importing \[[█░]+\] \d+% \| [\d,]+ bytes \| [\d,]+ values/);
    expect(pty.output()).toContain('imported 30000 values for 3 names');
    const piped = await kairos(['import', 'latency', 'bar.ndjson'], { cwd });
    expect(piped.stderr).toBe('imported 30000 values for 3 names\n');
  });

  it('rejects a missing file and a CSV without the header (exit 2 and 1)', async () => {
    const missing = await kairos(['import', 'latency', 'nope.ndjson'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.ndjson: cannot read the input file \(ENOENT\)/);
    const header = await kairos(['import', 'latency', '-f', 'csv'], { cwd, input: 'a,b\n1,2\n' });
    expect(header.code).toBe(1);
    expect(header.stderr).toMatch(/line 1: the header must name the columns time,name,value/);
  });
});
