import { beforeAll, describe, expect, it } from 'vitest';
import { kairos, minuteAgo, targets, workspace } from './kairos';
import { onPty } from './pty';

const ESC_ERASE_LINE = '\x1b[K';
const ESC_ERASE_BELOW = '\x1b[J';
/** Cursor home, escaped for a RegExp. */
const HOME = String.raw`\u001b\[H`;

describe.runIf(targets.available)('watch', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await workspace();
    const lines = [];
    for (let m = 1; m <= 30; m++)
      lines.push(JSON.stringify({ name: 'api', value: m, time: minuteAgo(m) }));
    lines.push(JSON.stringify({ name: 'web', value: 5, time: minuteAgo(2) }));
    expect((await kairos(['import', 'latency'], { cwd, input: lines.join('\n') })).code).toBe(0);
  });

  it('prints frames one after another when stdout is not a terminal, sized by COLUMNS and LINES', async () => {
    const run = await kairos(
      ['watch', 'latency', 'api', 'web', '-i', 'minute', '--every', '0.2', '--count', '3'],
      {
        cwd,
        env: { COLUMNS: '60', LINES: '16' },
      },
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const frames = run.stdout.split('\n\n').filter(Boolean);
    expect(frames).toHaveLength(3);
    for (const frame of frames) {
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(16);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
      expect(lines[0]).toBe('kairos watch latency api web · minute · mean');
      // The newest bucket with data is one minute ago (value 1); the window holds 1 … 30.
      expect(frame).toMatch(/^api {2}now 1 {2}min 1 {2}max 30 {2}mean 15\.5$/m);
      expect(frame).toMatch(/^web {2}now 5 {2}min 5 {2}max 5 {2}mean 5$/m);
      expect(frame).toMatch(/█/);
    }
  });

  it('redraws in place on a terminal, follows its size, and q restores it', async () => {
    const pty = onPty(['watch', 'latency', 'api', '-i', 'minute', '--every', '30'], {
      cwd,
      columns: 50,
      rows: 12,
      resize: { afterMs: 1500, columns: 36, rows: 8 },
    });
    await pty.waitFor(/updated/);
    const widest = (frame: string) =>
      Math.max(
        ...frame
          .replaceAll(ESC_ERASE_LINE, '')
          .replaceAll(ESC_ERASE_BELOW, '')
          .split(/\r?\n/)
          .map((line) => [...line].length),
      );
    const lines = (frame: string) => frame.split(/\r?\n/).length;
    // The first frame fills the 50 columns; the redraw after the resize (long before the
    // next 30 s update) fits the new 36 × 8.
    await pty.waitFor(new RegExp(`${HOME}[\\s\\S]*${HOME}`), 8000);
    const frames = pty.output().split('\x1b[H').slice(1);
    expect(pty.output().startsWith('\x1b[?1049h\x1b[?25l')).toBe(true);
    expect(widest(frames[0]!)).toBe(50);
    expect(lines(frames[0]!)).toBeLessThanOrEqual(12);
    expect(widest(frames.at(-1)!)).toBeLessThanOrEqual(36);
    expect(lines(frames.at(-1)!)).toBeLessThanOrEqual(8);
    pty.type('q');
    expect(await pty.exited).toBe(0);
    expect(pty.output().endsWith('\x1b[?25h\x1b[?1049l')).toBe(true);
  });

  it('leaves on Ctrl-C with the terminal restored', async () => {
    const pty = onPty(['watch', 'latency', 'api', '-i', 'minute', '--every', '5'], {
      cwd,
      columns: 80,
      rows: 24,
    });
    await pty.waitFor(/updated/);
    pty.type('\x03');
    expect(await pty.exited).toBe(0);
    expect(pty.output()).toContain('\x1b[?25h\x1b[?1049l');
  });
});
