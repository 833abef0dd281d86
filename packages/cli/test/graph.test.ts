import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kairos, minuteAgo, targets, workspace } from './kairos';
import { inspectPng } from './png';

describe.runIf(targets.available)('graph', () => {
  let cwd: string;
  const t0 = minuteAgo(60);
  const names = ['api', 'web', 'db'];
  beforeAll(async () => {
    cwd = await workspace();
    const lines: string[] = [];
    for (let m = 0; m < 60; m++) {
      names.forEach((name, n) => {
        lines.push(
          JSON.stringify({ name, value: (n + 1) * 10 + Math.sin(m / 5) * 5, time: t0 + m * 60 }),
        );
      });
    }
    expect((await kairos(['import', 'latency'], { cwd, input: lines.join('\n') })).code).toBe(0);
  });

  /** The `<path>` elements inside each mark group of a given role. */
  const marks = (svg: string, kind: string) => {
    const groups = [
      ...svg.matchAll(new RegExp(`<g class="mark-${kind} role-mark[^"]*"[^>]*>(.*?)</g>`, 'g')),
    ];
    return groups.map((g) => (g[1]!.match(/<path /g) ?? []).length);
  };

  it('draws an SVG with one line per name, a legend entry each and the zone on the time axis', async () => {
    const out = join(cwd, 'chart.svg');
    const run = await kairos(
      [
        'graph',
        'latency',
        ...names,
        '-i',
        'minute',
        '-s',
        String(t0),
        '-e',
        String(t0 + 3540),
        '--title',
        'Latency',
        '--tz',
        'Asia/Tokyo',
        '-o',
        out,
      ],
      { cwd },
    );
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const svg = await readFile(out, 'utf8');
    expect(svg).toMatch(/^<svg [^>]*width="800" height="400"/);
    expect(marks(svg, 'line').reduce((a, b) => a + b, 0)).toBe(names.length);
    for (const name of names) expect(svg).toContain(`>${name}</text>`);
    expect(svg).toContain('>time (Asia/Tokyo)</text>');
    expect(svg).toContain('>Latency</text>');
    expect(svg).toContain('font-family="DejaVu Sans"');
  });

  it('draws one line per name and transform, and stacked areas', async () => {
    const out = join(cwd, 'two.svg');
    const range = ['-i', 'minute', '-s', String(t0), '-n', '60'];
    expect(
      (
        await kairos(['graph', 'latency', 'api', 'web', ...range, '-t', 'min,max', '-o', out], {
          cwd,
        })
      ).code,
    ).toBe(0);
    const svg = await readFile(out, 'utf8');
    expect(marks(svg, 'line').reduce((a, b) => a + b, 0)).toBe(4);
    expect(svg).toContain('>api max</text>');
    const stacked = join(cwd, 'stack.svg');
    expect(
      (
        await kairos(['graph', 'latency', ...names, ...range, '--type', 'stack', '-o', stacked], {
          cwd,
        })
      ).code,
    ).toBe(0);
    expect(marks(await readFile(stacked, 'utf8'), 'area').reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('renders a PNG of the asked size that is not blank', async () => {
    const out = join(cwd, 'chart.png');
    const run = await kairos(
      [
        'graph',
        'latency',
        ...names,
        '-i',
        'minute',
        '-s',
        String(t0),
        '-n',
        '60',
        '--type',
        'area',
        '--width',
        '640',
        '--height',
        '320',
        '-o',
        out,
      ],
      { cwd },
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const png = inspectPng(await readFile(out));
    expect(png).toMatchObject({ width: 640, height: 320 });
    // White, grid, text and three fills blended: far more than a blank image's one colour.
    expect(png.colours).toBeGreaterThan(20);
  });

  it('rejects an unknown output extension and chart type, listing the valid ones', async () => {
    const ext = await kairos(['graph', 'latency', 'api', '-i', 'minute', '-o', 'chart.gif'], {
      cwd,
    });
    expect(ext.code).toBe(2);
    expect(ext.stderr).toMatch(/valid extensions: \.svg, \.png/);
    const type = await kairos(
      ['graph', 'latency', 'api', '-i', 'minute', '--type', 'pie', '-o', 'c.svg'],
      { cwd },
    );
    expect(type.code).toBe(2);
    expect(type.stderr).toMatch(/Allowed choices are line, area, stack/);
  });
});
