import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default defineConfig([
  {
    // The library entry: `defineConfig` and the configuration types.
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
  },
  {
    // The command: ESM only, heavy modules (charts, PNG) split into chunks loaded on demand.
    entry: ['src/bin.ts'],
    format: ['esm'],
    splitting: true,
    sourcemap: true,
    target: 'node20',
    define: { __VERSION__: JSON.stringify(version) },
  },
]);
