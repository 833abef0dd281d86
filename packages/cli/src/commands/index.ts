import type { CommandDefinition } from '../program';
import { fetchCommand } from './fetch';
import { insertCommand } from './insert';
import { listCommand } from './list';

/** Every `kairos` command, in the order `kairos --help` lists them. */
export const commands: readonly CommandDefinition[] = [listCommand, insertCommand, fetchCommand];
