import type { Config } from '../config';
import { checkName, checkNotTooFar, toSeconds, toStored } from '../validate';
import { type CheckedEntry, checkEntry } from './entries';
import type { WriteBatch } from './write-batch';

/**
 * Checks one bulk entry and plans its values into `batch` (only checks when there is none).
 * `names` holds the names already checked in this call, so each name's checks run once;
 * `clock` gives the time of an entry without one (made once per call, not per entry).
 */
export function planEntry(
  config: Config,
  batch: WriteBatch | undefined,
  entry: unknown,
  clock: () => number,
  shift: number,
  names: Set<string>,
): void {
  planChecked(config, batch, checkEntry(entry), clock, shift, names);
}

/** {@link planEntry} for an entry whose shape was checked. */
export function planChecked(
  config: Config,
  batch: WriteBatch | undefined,
  { timestamp, byName }: CheckedEntry,
  clock: () => number,
  shift: number,
  names: Set<string>,
): void {
  const what = 'a bulk entry timestamp';
  const seconds = toSeconds(timestamp, what, clock);
  // An entry without a timestamp is now; one with a timestamp may be at most maxFuture ahead.
  if (timestamp !== undefined && timestamp !== null) checkNotTooFar(config, seconds, clock(), what);
  for (const name in byName) {
    // for…in also lists inherited enumerable properties; only own ones are values.
    if (!Object.hasOwn(byName, name)) continue;
    if (!names.has(name)) names.add(checkName(name));
    for (const value of byName[name] as readonly unknown[]) {
      const stored = toStored(config, value, name);
      batch?.add(name, seconds, stored, shift);
    }
  }
}
