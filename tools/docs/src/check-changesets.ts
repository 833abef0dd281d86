/**
 * Checks every pending changeset the way `changeset version` will read it: front matter that
 * parses, only public workspace packages, a bump of patch, minor or major, and a summary. A
 * formatter that turns the front matter into headings would otherwise break the release.
 * Run by `pnpm lint`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import parse from '@changesets/parse';
import { ROOT } from './blocks';
import { PUBLIC_PACKAGES } from './packages';

const PACKAGES = new Set(PUBLIC_PACKAGES.map((p) => p.name));
const BUMPS = new Set(['patch', 'minor', 'major']);

const dir = `${ROOT}.changeset/`;
const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
const problems: string[] = [];
for (const file of files) {
  try {
    const { releases, summary } = parse(readFileSync(dir + file, 'utf8'));
    if (releases.length === 0) problems.push(`${file}: names no package`);
    for (const { name, type } of releases) {
      if (!PACKAGES.has(name)) problems.push(`${file}: ${name} is not a public package`);
      if (!BUMPS.has(type)) problems.push(`${file}: ${name} has bump "${type}"`);
    }
    if (summary.trim() === '') problems.push(`${file}: no summary`);
  } catch (error) {
    problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`${files.length} changesets checked`);
