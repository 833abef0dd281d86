import { readdirSync, readFileSync } from 'node:fs';
import { ROOT } from './blocks';

/** The directories under packages/ of the published (not private) workspace packages, with their names. */
export const PUBLIC_PACKAGES: readonly { dir: string; name: string }[] = readdirSync(
  `${ROOT}packages`,
)
  .sort()
  .map((dir) => ({
    dir,
    json: JSON.parse(readFileSync(`${ROOT}packages/${dir}/package.json`, 'utf8')),
  }))
  .filter(({ json }) => !json.private)
  .map(({ dir, json }) => ({ dir, name: json.name as string }));
