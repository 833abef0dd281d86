import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Test against the sources, so a stale build of @kairos/core or @kairos/testing cannot hide a change.
    alias: {
      '@kairos/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)),
      '@kairos/testing': fileURLToPath(new URL('../testing/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
  },
});
