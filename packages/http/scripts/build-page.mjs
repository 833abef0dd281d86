// Bundles the dashboard page (its TypeScript, uPlot and the CSS) into dist/page/, so that the
// server has every file it serves and never needs a CDN.
import { copyFile, mkdir } from 'node:fs/promises';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const out = new URL('dist/page/', root);
await mkdir(out, { recursive: true });
await build({
  entryPoints: [new URL('src/page/main.ts', root).pathname],
  outfile: new URL('app.js', out).pathname,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  legalComments: 'eof',
  logLevel: 'warning',
});
await copyFile(new URL('src/page/index.html', root), new URL('index.html', out));
