import { ConfigError, describe } from '../errors';
import type { CalcOptions } from './calc';
import { validateTimeZone, Zone } from './zone';

/** Validated {@link CalcOptions}. */
export interface ResolvedOptions {
  readonly zone: Zone;
  readonly align: 'epoch' | 'local';
}

/** Validates calc options; throws ConfigError for an unknown zone or alignment. */
export function resolveOptions(options: CalcOptions | undefined): ResolvedOptions {
  const timezone = options?.timezone ?? 'UTC';
  const align = options?.align ?? 'epoch';
  if (align !== 'epoch' && align !== 'local') {
    throw new ConfigError(`align must be 'epoch' or 'local'; got ${describe(align)}`);
  }
  return { zone: Zone.of(validateTimeZone(timezone, 'timezone')), align };
}
