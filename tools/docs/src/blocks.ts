import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The Markdown files whose ```ts blocks are run and type-checked, relative to the root.
 * packages/testing/README.md is not here: its snippets are test files for a test runner.
 */
export const DOCUMENTS = [
  'README.md',
  'packages/core/README.md',
  'packages/ioredis/README.md',
  'packages/redis/README.md',
  'packages/http/README.md',
] as const;

/** One fenced TypeScript block of a Markdown file. */
export interface Block {
  /** The Markdown file, relative to the repository root. */
  file: string;
  /** The 1-based line of the opening fence. */
  line: number;
  /** A short stable id, e.g. `README.md#3` (the third block of the file). */
  id: string;
  code: string;
}

/** Expected console output written in a block as `console.log(x); // → text`. */
export interface Expectation {
  /** 1-based line of the `console.log` inside the block. */
  line: number;
  text: string;
}

const OPEN = /^( {0,3})(`{3,}|~{3,})\s*(\S*)/;
/** Fence info strings that mark a block to run. */
const LANGUAGES = new Set(['ts', 'typescript']);

/** Every ```ts block of a Markdown text, in order. Other fences are skipped. */
export function extractBlocks(file: string, markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[2] as string;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] as string).trimStart().startsWith(fence)) {
      body.push(lines[j] as string);
      j++;
    }
    if (LANGUAGES.has((open[3] as string).toLowerCase())) {
      blocks.push({
        file,
        line: i + 1,
        id: `${file}#${blocks.length + 1}`,
        code: `${body.join('\n')}\n`,
      });
    }
    i = j;
  }
  return blocks;
}

/** The blocks of every file in {@link DOCUMENTS} that exists. */
export function readBlocks(files: readonly string[] = DOCUMENTS): Block[] {
  return files.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(`${ROOT}${file}`, 'utf8');
    } catch {
      return [];
    }
    return extractBlocks(file, text);
  });
}

const ARROW = /\/\/ → (.*)$/;
const CONTINUATION = /^\s*\/\/ {3}(.*)$/;

/**
 * The outputs a block promises: a `// → text` comment on a `console.log` line, continued
 * on the comment lines right after it that start with `//` and three spaces.
 */
export function expectations(code: string): Expectation[] {
  const lines = code.split('\n');
  const out: Expectation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const arrow = ARROW.exec(line);
    if (!arrow || !line.includes('console.log(')) continue;
    const parts = [arrow[1] as string];
    while (i + 1 < lines.length && CONTINUATION.test(lines[i + 1] as string)) {
      parts.push(CONTINUATION.exec(lines[++i] as string)?.[1] as string);
    }
    out.push({ line: i + 1 - (parts.length - 1), text: parts.join(' ') });
  }
  return out;
}

/**
 * The block with each annotated `console.log(` routed to `globalThis.__docsLog(line, …)`,
 * so that the test can compare what it printed with the comment. Lines keep their numbers.
 */
export function instrument(code: string): string {
  const annotated = new Set(expectations(code).map((e) => e.line));
  return code
    .split('\n')
    .map((line, i) =>
      annotated.has(i + 1) ? line.replace('console.log(', `globalThis.__docsLog(${i + 1}, `) : line,
    )
    .join('\n');
}

/** Whitespace-insensitive form of console output, for comparison. */
export function normalize(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([[{(]) /g, '$1')
    .replace(/ ([\]})])/g, '$1')
    .trim();
}
