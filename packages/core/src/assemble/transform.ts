import { describe, InvalidValueError } from '../errors';
import type { Transform } from '../options';
import { applyTransform, isTransformName, type SeriesType } from '../transforms';

/** Checks a `transform` option before anything is read: names known, shapes right. */
export function checkTransform(transform: unknown): void {
  if (transform === undefined || typeof transform === 'function') return;
  const names =
    typeof transform === 'string'
      ? [transform]
      : Array.isArray(transform)
        ? transform
        : transform && typeof transform === 'object'
          ? Object.values(transform).filter((t) => typeof t !== 'function')
          : undefined;
  if (!names)
    throw new InvalidValueError(
      `transform must be a name, a function, an array or an object; got ${describe(transform)}`,
    );
  for (const name of names) {
    if (typeof name !== 'string' || !isTransformName(name)) {
      throw new InvalidValueError(`unknown transform ${describe(name)}`);
    }
  }
}

/** Runs a checked `transform` option over one row covering `duration` seconds. */
export function runTransform(
  type: SeriesType,
  transform: Transform<unknown>,
  data: unknown,
  duration: number,
): unknown {
  const one = (t: unknown) =>
    typeof t === 'function'
      ? (t as (d: unknown, s: number) => unknown)(data, duration)
      : applyTransform(type, t as string, data, duration);
  if (typeof transform === 'string' || typeof transform === 'function') return one(transform);
  if (Array.isArray(transform))
    return Object.fromEntries(transform.map((name) => [name, one(name)]));
  return Object.fromEntries(Object.entries(transform).map(([label, t]) => [label, one(t)]));
}
