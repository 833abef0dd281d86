import { formatWithOptions } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectations, normalize, readBlocks } from '../src/blocks';

/** The instant the README's outputs were written for: 2025-01-01T12:34:56Z. */
const NOW = new Date('2025-01-01T12:34:56Z');

const blocks = readBlocks();
const virtual = new URL('../.virtual/', import.meta.url).pathname;

declare global {
  var __docsLog: (line: number, ...args: unknown[]) => void;
}

describe('README blocks run on the in-memory mock', () => {
  let printed: Map<number, string[]>;

  beforeEach(() => {
    // Only Date is faked: "now" is fixed, timers and promises run as usual.
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    printed = new Map();
    globalThis.__docsLog = (line, ...args) => {
      const text = formatWithOptions({ colors: false }, ...args);
      printed.set(line, [...(printed.get(line) ?? []), text]);
    };
    vi.spyOn(console, 'log').mockImplementation(() => {});
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('finds blocks in the root README', () => {
    expect(blocks.filter((b) => b.file === 'README.md').length).toBeGreaterThan(5);
  });

  it.each(blocks.map((block, index) => ({ ...block, index })))(
    '$id (line $line) runs and prints what it says',
    async ({ code, index }) => {
      await import(/* @vite-ignore */ `${virtual}${index}.ts`);
      for (const { line, text } of expectations(code)) {
        const seen = printed.get(line);
        expect(seen, `console.log on block line ${line} never ran`).toBeDefined();
        expect(normalize((seen as string[]).join('\n')), `block line ${line}`).toBe(
          normalize(text),
        );
      }
    },
  );
});
