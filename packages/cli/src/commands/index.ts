import type { CommandDefinition } from '../program';
import { deleteCommand } from './delete';
import { dumpCommand } from './dump';
import { fetchCommand } from './fetch';
import { graphCommand } from './graph';
import { importCommand } from './import';
import { infoCommand } from './info';
import { initCommand } from './init';
import { insertCommand } from './insert';
import { labelCommand } from './label';
import { labelsCommand } from './labels';
import { listCommand } from './list';
import { migrateCommand } from './migrate';
import { restoreCommand } from './restore';
import { serveCommand } from './serve';
import { watchCommand } from './watch';

/** Every `kairos` command, in the order `kairos --help` lists them. */
export const commands: readonly CommandDefinition[] = [
  initCommand,
  listCommand,
  infoCommand,
  labelsCommand,
  labelCommand,
  insertCommand,
  importCommand,
  fetchCommand,
  watchCommand,
  graphCommand,
  serveCommand,
  dumpCommand,
  restoreCommand,
  migrateCommand,
  deleteCommand,
];
