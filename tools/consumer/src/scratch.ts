import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files copied into every scratch project: programs, tsconfigs, a downstream test. */
const FIXTURE = fileURLToPath(new URL('../fixture/', import.meta.url));

/** What a command printed and how it ended. */
export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A brand-new npm project in `dir`, as a user would start one. */
export class ScratchProject {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: 'kairos-consumer', private: true, type: 'module' }, null, 2)}\n`,
    );
    cpSync(FIXTURE, dir, { recursive: true });
  }

  /**
   * `npm install --strict-peer-deps` of `specs` (tarball paths and registry ranges), with
   * the cache-friendly flags; throws with npm's output when it fails.
   */
  install(specs: readonly string[]): void {
    const result = this.run('npm', [
      'install',
      '--strict-peer-deps',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--no-update-notifier',
      '--loglevel=warn',
      ...specs,
    ]);
    if (result.status !== 0) {
      throw new Error(`npm install failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  }

  /** Runs a command in the project, with `env` added to the environment. */
  run(command: string, args: readonly string[], env: Record<string, string> = {}): Run {
    const result = spawnSync(command, args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, ...env, NODE_OPTIONS: '' },
      timeout: 300_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** The install paths of `name` anywhere in the tree (`npm ls --all --parseable`). */
  copiesOf(name: string): string[] {
    // npm ls exits 1 when nothing matches: the listing is what counts here.
    const out = this.run('npm', ['ls', name, '--all', '--parseable']).stdout.trim();
    return out === '' ? [] : out.split('\n').filter((line) => line !== this.dir);
  }
}
