import { config } from './config';
import { intervals } from './intervals';
import { labels } from './labels';
import { names } from './names';
import { options } from './options';
import type { BadInput } from './row';
import { shapes } from './shapes';
import { times } from './times';
import { transforms } from './transforms';
import { values } from './values';

/** Every row, grouped by what it gets wrong. */
export const BAD_INPUTS: readonly BadInput[] = [
  ...names,
  ...values,
  ...times,
  ...intervals,
  ...options,
  ...transforms,
  ...shapes,
  ...config,
  ...labels,
];
