import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { redisGlobalSetup } from '@kairos-tools/redis-server/vitest-setup';
import type { TestProject } from 'vitest/node';

const redis = redisGlobalSetup({ standalone: true, cluster: false });

/** The page's files come from the build; tests from the source still need them. */
export default async function setup(project: TestProject) {
  const page = new URL('../scripts/build-page.mjs', import.meta.url);
  if (!existsSync(new URL('../dist/page/app.js', import.meta.url))) {
    execFileSync(process.execPath, [page.pathname], { stdio: 'inherit' });
  }
  return redis(project);
}
