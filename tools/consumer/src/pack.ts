import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root directory. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A public package of packages/, packed as npm would publish it. */
export interface Tarball {
  /** The package name, `@kairos/core`. */
  readonly name: string;
  /** The absolute path of its `.tgz`. */
  readonly file: string;
  /** The package.json inside the tarball (what npm users receive). */
  readonly manifest: Record<string, unknown>;
}

/** The directories of packages/ whose package.json is not private. */
export function publicPackageDirs(): string[] {
  const base = join(ROOT, 'packages');
  return readdirSync(base)
    .map((dir) => join(base, dir))
    .filter((dir) => !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private);
}

/**
 * Packs every public package with `pnpm pack` (which rewrites `workspace:` ranges as
 * `pnpm publish` does) into `destination`. The packages must be built.
 */
export function packAll(destination: string): Tarball[] {
  return publicPackageDirs().map((dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (!existsSync(join(dir, 'dist'))) {
      throw new Error(`${manifest.name} is not built: add it to tools/consumer's devDependencies`);
    }
    const before = new Set(readdirSync(destination));
    execFileSync('pnpm', ['pack', '--pack-destination', destination], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const created = readdirSync(destination).find((f) => f.endsWith('.tgz') && !before.has(f));
    if (!created) throw new Error(`pnpm pack wrote no tarball for ${manifest.name}`);
    const file = join(destination, created);
    const packed = execFileSync('tar', ['-xzOf', file, 'package/package.json'], {
      encoding: 'utf8',
    });
    return { name: manifest.name, file, manifest: JSON.parse(packed) };
  });
}
