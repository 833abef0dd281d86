import type { Terminal } from '../context';

/** Where `watch` draws, and how it learns of keys and size changes. */
export interface Screen {
  /** The size to draw for. */
  size(): { columns: number; rows: number };
  /** Shows one frame. */
  draw(lines: readonly string[]): void;
  /** Resolves when the user asks to leave (`q`, Ctrl-C) or the size changes. */
  nextEvent(ms: number): Promise<'quit' | 'resize' | 'tick'>;
  /** Restores the terminal as it was. */
  close(): void;
}

const ALT_SCREEN_ON = '\x1b[?1049h\x1b[?25l';
const ALT_SCREEN_OFF = '\x1b[?25h\x1b[?1049l';

/**
 * A {@link Screen} on the process' terminal. On a TTY: the alternate screen, redrawn in
 * place, keys read raw, `resize` followed; everything restored on close, on SIGTERM and
 * on exit. Not on a TTY: frames printed one after another (size from `COLUMNS`/`LINES`,
 * else 80×24), `q` read from stdin.
 */
export function terminalScreen({ stdin, stdout, env }: Terminal): Screen {
  const tty = Boolean(stdout.isTTY);
  const listeners = new Set<(event: 'quit' | 'resize') => void>();
  const emit = (event: 'quit' | 'resize') => {
    for (const listener of listeners) listener(event);
  };
  const onData = (data: Buffer | string) => {
    const text = data.toString();
    if (text.includes('q') || text.includes('Q') || text.includes('\x03')) emit('quit');
  };
  const onResize = () => emit('resize');
  const onSignal = () => emit('quit');
  const restore = () => {
    if (tty) stdout.write(ALT_SCREEN_OFF);
  };
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.on('data', onData);
  stdin.on('end', () => undefined);
  stdin.resume();
  stdout.on('resize', onResize);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', restore);
  if (tty) stdout.write(ALT_SCREEN_ON);
  let closed = false;
  return {
    size: () =>
      tty
        ? { columns: stdout.columns || 80, rows: stdout.rows || 24 }
        : { columns: Number(env.COLUMNS) || 80, rows: Number(env.LINES) || 24 },
    draw: (lines) => {
      if (tty) stdout.write(`\x1b[H${lines.map((l) => `${l}\x1b[K`).join('\n')}\x1b[J`);
      else stdout.write(`${lines.join('\n')}\n\n`);
    },
    nextEvent: (ms) =>
      new Promise((resolve) => {
        const done = (event: 'quit' | 'resize' | 'tick') => {
          clearTimeout(timer);
          listeners.delete(done);
          resolve(event);
        };
        const timer = setTimeout(() => done('tick'), ms);
        listeners.add(done);
      }),
    close: () => {
      if (closed) return;
      closed = true;
      restore();
      process.off('exit', restore);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stdout.off('resize', onResize);
      stdin.off('data', onData);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
    },
  };
}
