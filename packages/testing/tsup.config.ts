import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  // ioredis-mock is the mock's engine, bundled with the two parts of ioredis it loads at run
  // time (`ioredis/built/utils`, `ioredis/built/Command`): its peer range (ioredis ^5) and an
  // ioredis copy then never reach an application's install. What those need besides is
  // external, listed in `dependencies`. Their MIT notices are in LICENSE.
  noExternal: [/^ioredis(-mock)?(\/|$)/],
  // The bundled CommonJS code calls require() for Node's built-ins; give the ESM build one.
  banner: ({ format }) =>
    format === 'esm'
      ? {
          js: "import { createRequire as __kairosCreateRequire } from 'node:module';\nconst require = __kairosCreateRequire(import.meta.url);",
        }
      : {},
});
