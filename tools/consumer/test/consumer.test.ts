import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RedisServer, startServer } from '@kairos-tools/redis-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packAll, type Tarball } from '../src/pack';
import { type Run, ScratchProject } from '../src/scratch';

// The published packages as an npm user gets them: packed, installed from the tarballs
// into a new npm project with --strict-peer-deps next to the Redis client the user chose,
// then imported, run, type-checked and used in a downstream test.

const CLIENTS = { ioredis: 'ioredis@^6', redis: 'redis@^6' } as const;
const TOOLS = ['typescript@~5.9.3', 'vitest@~4.1.12', '@types/node@^20'];
const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
] as const;

const work = mkdtempSync(join(tmpdir(), 'kairos-consumer-'));
let tarballs: Tarball[] = [];
let server: RedisServer;

beforeAll(async () => {
  tarballs = packAll(work);
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
  // KAIROS_CONSUMER_KEEP=1 keeps the scratch projects to look into a failure.
  if (process.env.KAIROS_CONSUMER_KEEP) console.log(`scratch projects kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
});

function ok(run: Run): string {
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  return run.stdout;
}

describe('published manifests', () => {
  it('carry no workspace ranges and no private or dev-only packages', () => {
    expect(tarballs.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        '@kairos/core',
        '@kairos/ioredis',
        '@kairos/redis',
        '@kairos/testing',
        '@kairos/test-suite',
      ]),
    );
    for (const { name, manifest } of tarballs) {
      expect(JSON.stringify(manifest), name).not.toContain('workspace:');
      for (const field of DEPENDENCY_FIELDS) {
        const deps = Object.keys((manifest[field] as Record<string, string>) ?? {});
        expect(
          deps.filter((dep) => dep.startsWith('@kairos-tools/')),
          `${name} ${field}`,
        ).toEqual([]);
      }
    }
  });

  it('make @kairos/core a peer of every other library, never a dependency', () => {
    for (const { name, manifest } of tarballs) {
      // A command (`bin`) is an application: it owns its copy of core.
      if (name === '@kairos/core' || manifest.bin !== undefined) continue;
      const deps = (manifest.dependencies as Record<string, string>) ?? {};
      const peers = (manifest.peerDependencies as Record<string, string>) ?? {};
      expect(deps['@kairos/core'], name).toBeUndefined();
      expect(peers['@kairos/core'], name).toBeDefined();
    }
  });
});

describe.each([
  ['ioredis', ['ioredis'], ['redis', '@redis/client']],
  ['redis', ['redis'], ['ioredis']],
] as const)('an application on %s only', (_label, chosen, absent) => {
  const project = new ScratchProject(join(work, `only-${chosen.join('-')}`));

  beforeAll(() => {
    const adapter = chosen[0] === 'ioredis' ? '@kairos/ioredis' : '@kairos/redis';
    const wanted = ['@kairos/core', adapter, '@kairos/testing', '@kairos/test-suite'];
    project.install([
      ...tarballs.filter((t) => wanted.includes(t.name)).map((t) => t.file),
      CLIENTS[chosen[0]],
    ]);
  });

  it('has a valid tree (npm ls --all exits 0)', () => {
    ok(project.run('npm', ['ls', '--all']));
  });

  it('has one copy of the chosen client and of @kairos/core, and no other Redis client', () => {
    expect(project.copiesOf(chosen[0])).toHaveLength(1);
    expect(project.copiesOf('@kairos/core')).toHaveLength(1);
    for (const name of absent) expect(project.copiesOf(name), name).toEqual([]);
  });
});

describe('an application on both clients, in TypeScript, with vitest', () => {
  const project = new ScratchProject(join(work, 'both'));

  beforeAll(() => {
    project.install([...tarballs.map((t) => t.file), CLIENTS.ioredis, CLIENTS.redis, ...TOOLS]);
  });

  it('has a valid tree (npm ls --all exits 0) with one core', () => {
    ok(project.run('npm', ['ls', '--all']));
    expect(project.copiesOf('@kairos/core')).toHaveLength(1);
    expect(project.copiesOf('ioredis')).toHaveLength(1);
  });

  it('runs an ES module program', () => {
    const out = ok(project.run('node', ['esm.mjs'], { REDIS_PORT: String(server.port) }));
    expect(out).toContain('ioredis [[120,2]]');
    expect(out).toContain('redis [[120,3]]');
    expect(out).toContain('mock [[1735689600,1]]');
    expect(out).toContain('esm ok');
  });

  it('runs a CommonJS program', () => {
    const out = ok(project.run('node', ['cjs.cjs'], { REDIS_PORT: String(server.port) }));
    expect(out).toContain('ioredis [[60,[7,1]]]');
    expect(out).toContain('redis [[60,[5,1]]]');
    expect(out).toContain('mock [[60,[4,1]]]');
    expect(out).toContain('cjs ok');
  });

  it.each(['nodenext', 'node16', 'bundler'])('type-checks under moduleResolution %s', (mode) => {
    ok(project.run('npx', ['--no-install', 'tsc', '-p', `tsconfig.${mode}.json`]));
  });

  it('runs the kairos command of @kairos/cli', () => {
    expect(ok(project.run('npx', ['--no-install', 'kairos', '--help']))).toMatch(/Usage: kairos/);
  });

  it('runs a downstream vitest test on @kairos/testing', () => {
    const out = ok(project.run('npx', ['--no-install', 'vitest', 'run', '--reporter=dot']));
    expect(out).toMatch(/1 passed/);
  });
});
