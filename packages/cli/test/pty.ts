import { spawn } from 'node:child_process';
import { BIN } from './kairos';

/** A `kairos` process on a pseudo-terminal of `columns` × `rows`, driven by what it prints. */
export interface PtyRun {
  /** Everything printed so far (escape sequences included). */
  output(): string;
  /** Resolves once the output matches `pattern` (rejects after `ms`). */
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
  /** Types text on the terminal. */
  type(text: string): void;
  /** Resolves the exit code. */
  exited: Promise<number | null>;
}

/** Runs the built `kairos` with `args` on a pseudo-terminal (through util-linux `script`). */
export function onPty(
  args: readonly string[],
  options: {
    cwd: string;
    columns: number;
    rows: number;
    resize?: { afterMs: number; columns: number; rows: number };
  },
): PtyRun {
  const quoted = [process.execPath, BIN, ...args]
    .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
    .join(' ');
  // A later `stty` on the same terminal resizes it: the kernel then signals SIGWINCH.
  const { resize } = options;
  const later = resize
    ? `(sleep ${resize.afterMs / 1000}; stty cols ${resize.columns} rows ${resize.rows} < /dev/tty) & `
    : '';
  const shell = `stty cols ${options.columns} rows ${options.rows}; ${later}exec ${quoted}`;
  const child = spawn('script', ['-qfec', shell, '/dev/null'], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', TERM: 'xterm' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const waiter of waiters) waiter();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const exited = new Promise<number | null>((resolve, reject) => {
    // util-linux `script` is part of every Debian/Ubuntu base system; its absence is a failure.
    child.on('error', (error) =>
      reject(new Error(`cannot run util-linux script: ${error.message}`)),
    );
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  return {
    output: () => out,
    waitFor: (pattern, ms = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(out)) return;
          waiters.delete(check);
          clearTimeout(limit);
          resolve();
        };
        const limit = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${pattern} in output:\n${out}`));
        }, ms);
        waiters.add(check);
        check();
      }),
    type: (text) => child.stdin.write(text),
    exited,
  };
}
