import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigFileError, UsageError } from '../errors';
import { type CheckedConfig, checkConfig } from './check';
import { DEFAULT_CONFIG_FILE } from './defaults';
import { parseJsonWithComments } from './jsonc';

/**
 * Finds, reads and checks the configuration: `--config FILE`, else `KAIROS_CONFIG`, else
 * `kairos.config.json` in the working directory. A `.mjs`/`.js` file's default export is
 * used as the object; any other file is JSON (comments allowed).
 *
 * @throws UsageError when no configuration is found; ConfigFileError when it is unusable
 */
export async function loadConfig(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CheckedConfig> {
  const given = flag ?? env.KAIROS_CONFIG;
  const file = given ?? DEFAULT_CONFIG_FILE;
  const path = resolve(file);
  return checkConfig(file, await readConfig(file, path, given === undefined));
}

async function readConfig(file: string, path: string, isDefault: boolean): Promise<unknown> {
  if (/\.[cm]?js$/.test(path)) {
    try {
      const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
      if (module.default === undefined)
        throw new ConfigFileError(file, '', 'has no default export');
      return module.default;
    } catch (error) {
      if (error instanceof ConfigFileError) throw error;
      throw new ConfigFileError(file, '', `cannot be loaded: ${messageOf(error)}`);
    }
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UsageError(
        isDefault
          ? `no ${DEFAULT_CONFIG_FILE} in ${process.cwd()}; run "kairos init" to write one, or pass --config FILE (or set KAIROS_CONFIG)`
          : `${file}: no such configuration file`,
      );
    }
    throw new ConfigFileError(file, '', `cannot be read: ${messageOf(error)}`);
  }
  try {
    return parseJsonWithComments(text);
  } catch (error) {
    throw new ConfigFileError(file, '', `is not valid JSON: ${messageOf(error)}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
