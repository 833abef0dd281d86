/**
 * Parses JSON that may hold `//` and `/* *\/` comments (as `kairos init` writes them).
 * Comments are blanked out rather than removed so that error positions stay true.
 *
 * @throws Error whose message ends with the line and column of the problem
 */
export function parseJsonWithComments(text: string): unknown {
  const blanked = blankComments(text);
  try {
    return JSON.parse(blanked);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    if (!at) throw new Error(message);
    const offset = Number(at[1]);
    const before = blanked.slice(0, offset).split('\n');
    const line = before.length;
    const column = before.at(-1)!.length + 1;
    throw new Error(
      `${message.replace(/ in JSON at position \d+.*$/, '')} (line ${line}, column ${column})`,
    );
  }
}

function blankComments(text: string): string {
  let out = '';
  let n = 0;
  while (n < text.length) {
    const c = text[n]!;
    if (c === '"') {
      // Copy a whole string literal, escapes included.
      let end = n + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(n, end + 1);
      n = end + 1;
    } else if (c === '/' && text[n + 1] === '/') {
      const end = text.indexOf('\n', n);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - n);
      n = stop;
    } else if (c === '/' && text[n + 1] === '*') {
      const end = text.indexOf('*/', n + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(n, stop).replace(/[^\n]/g, ' ');
      n = stop;
    } else {
      out += c;
      n++;
    }
  }
  return out;
}
