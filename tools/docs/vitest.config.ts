import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import { instrument, readBlocks } from './src/blocks';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Serves each README block as a module `<this dir>/.virtual/<n>.ts` (never written to disk),
 * so its imports resolve from this package like those of a file here.
 */
function readmeBlocks(): Plugin {
  const dir = here('./.virtual/');
  return {
    name: 'kairos-readme-blocks',
    resolveId: (id) => (id.startsWith(dir) ? id : undefined),
    load(id) {
      if (!id.startsWith(dir)) return undefined;
      const index = Number(id.slice(dir.length).replace(/\.ts$/, ''));
      const block = readBlocks()[index];
      return block ? instrument(block.code) : undefined;
    },
  };
}

export default defineConfig({
  plugins: [readmeBlocks()],
  resolve: {
    // The blocks are written for a real Redis; here their clients and the two adapters are
    // replaced by stand-ins on @kairos/testing's in-memory mock. `pnpm lint` type-checks the
    // same blocks against the real packages.
    alias: [
      { find: /^ioredis$/, replacement: here('./src/shims/ioredis.ts') },
      { find: /^redis$/, replacement: here('./src/shims/redis.ts') },
      { find: /^@kairos\/ioredis$/, replacement: here('./src/shims/kairos-ioredis.ts') },
      { find: /^@kairos\/redis$/, replacement: here('./src/shims/kairos-redis.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
  },
});
