/**
 * Writes every README block to `generated/` as a file of its own, so that `tsc --noEmit` (the
 * next step of `pnpm lint` here) type-checks them against the real, built packages.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readBlocks } from './blocks';

const dir = fileURLToPath(new URL('../generated/', import.meta.url));
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const blocks = readBlocks();
for (const block of blocks) {
  const name = block.id.replace(/[^A-Za-z0-9]+/g, '-');
  // A blank first line keeps tsc's line numbers equal to the block's, plus one.
  writeFileSync(`${dir}${name}.ts`, `// ${block.file}:${block.line}\n${block.code}`);
}
console.log(`${blocks.length} README blocks written to ${dir}`);
