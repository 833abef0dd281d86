import { readFile } from 'node:fs/promises';

/**
 * The page's files, built next to this module (`dist/page/`). The path is the same from the
 * source (`src/`) and from the bundle (`dist/`), both one level under the package.
 */
const PAGE_DIR = new URL('../dist/page/', import.meta.url);

/** The files the page is made of, with their content types. */
export const PAGE_FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

const cache = new Map<string, Promise<string>>();

/** A file of the page, read once. */
export function pageFile(name: string): Promise<string> {
  let text = cache.get(name);
  if (!text) {
    text = readFile(new URL(name, PAGE_DIR), 'utf8');
    text.catch(() => cache.delete(name));
    cache.set(name, text);
  }
  return text;
}
