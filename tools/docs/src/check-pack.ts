/**
 * Checks what `npm pack` would publish for each public package: the build, the README, the
 * LICENSE and package.json, nothing else (no sources, tests or configs), and each of the
 * files a user needs present. Run by `pnpm lint` after the packages are built.
 */
import { execFileSync } from 'node:child_process';
import { ROOT } from './blocks';
import { PUBLIC_PACKAGES } from './packages';

const PACKAGES = PUBLIC_PACKAGES.map((p) => p.dir);
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'dist/index.js',
  'dist/index.cjs',
  'dist/index.d.ts',
  'dist/index.d.cts',
];
/** Files a package needs beyond those of every package. */
const REQUIRED_OF: Record<string, string[]> = {
  http: ['dist/page/index.html', 'dist/page/app.js', 'dist/page/app.css'],
};
const ALLOWED =
  /^(package\.json|README\.md|LICENSE|dist\/.+\.(c?js|d\.c?ts|c?js\.map)|dist\/page\/(index\.html|app\.css))$/;

let failed = false;
for (const name of PACKAGES) {
  const cwd = `${ROOT}packages/${name}`;
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
  const extra = files.filter((f) => !ALLOWED.test(f));
  const missing = [...REQUIRED, ...(REQUIRED_OF[name] ?? [])].filter((f) => !files.includes(f));
  if (extra.length || missing.length) {
    failed = true;
    if (extra.length) console.error(`@kairos/${name}: would publish ${extra.join(', ')}`);
    if (missing.length) console.error(`@kairos/${name}: would not publish ${missing.join(', ')}`);
  }
}
if (failed) process.exit(1);
console.log(`npm pack contents checked for ${PACKAGES.map((p) => `@kairos/${p}`).join(', ')}`);
