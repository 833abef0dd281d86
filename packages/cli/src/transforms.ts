import { isTransformName } from '@kairos/core';
import { UsageError } from './errors';
import { TRANSFORMS } from './flags';

/**
 * Parses `--transform T[,T…]` into the names, checked.
 * @throws UsageError listing the valid transforms
 */
export function parseTransforms(text: string | undefined): string[] {
  if (text === undefined) return [];
  const names = text.split(',').map((t) => t.trim());
  for (const name of names) {
    if (!isTransformName(name)) {
      throw new UsageError(
        `--transform: unknown transform ${JSON.stringify(name)}; valid: ${TRANSFORMS}`,
      );
    }
  }
  return names;
}

/** The `transform` option for the library: none, one name, or an array of several. */
export function transformOption(names: readonly string[]): string | string[] | undefined {
  return names.length === 0 ? undefined : names.length === 1 ? names[0] : [...names];
}
