import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // npm installs from the registry (cached in ~/.npm after the first run).
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
