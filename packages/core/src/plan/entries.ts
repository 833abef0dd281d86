import { describe, InvalidValueError } from '../errors';
import type { BulkEntry, BulkInserts, Timestamp } from '../options';

/** A bulk entry whose shape was checked: read names with for…in + Object.hasOwn. */
export interface CheckedEntry {
  timestamp: Timestamp | null;
  byName: Readonly<Record<string, readonly unknown[]>>;
  /** How many values the entry holds, over all names. */
  values: number;
}

/** True for inputs that can be read twice (so they can be validated before anything is sent). */
export function isReiterable(inserts: unknown): boolean {
  return Array.isArray(inserts) || inserts instanceof Map;
}

/** The entries of a bulk insert as a sync iterable, or undefined when it is async only. */
export function syncEntries<V>(inserts: BulkInserts<V>): Iterable<BulkEntry<V>> | undefined {
  if (inserts instanceof Map) return inserts.entries() as Iterable<BulkEntry<V>>;
  if (isObject(inserts) && Symbol.iterator in inserts) return inserts as Iterable<BulkEntry<V>>;
  if (isObject(inserts) && Symbol.asyncIterator in inserts) return undefined;
  throw new InvalidValueError(
    `bulkInsert takes an iterable, an async iterable or a Map; got ${describe(inserts)}`,
  );
}

/** Checks the shape of one `[timestamp | null, { [name]: values[] }]` entry. */
export function checkEntry(entry: unknown): CheckedEntry {
  if (!Array.isArray(entry) || entry.length !== 2) {
    throw new InvalidValueError(
      `a bulk entry must be [timestamp | null, { [name]: values[] }]; got ${describe(entry)}`,
    );
  }
  const [timestamp, values] = entry as [Timestamp | null, unknown];
  if (!isObject(values) || Array.isArray(values)) {
    throw new InvalidValueError(
      `a bulk entry's values must be { [name]: values[] }; got ${describe(values)}`,
    );
  }
  // Checked in place: Object.entries would allocate two arrays per entry, a third of the
  // planning time of a million-point insert.
  const byName = values as Record<string, unknown>;
  let count = 0;
  for (const name in byName) {
    if (!Object.hasOwn(byName, name)) continue;
    const list = byName[name];
    if (!Array.isArray(list)) {
      throw new InvalidValueError(
        `values of ${JSON.stringify(name)} must be an array; got ${describe(list)}`,
      );
    }
    count += list.length;
  }
  return { timestamp, byName: byName as CheckedEntry['byName'], values: count };
}

/** A checked entry with more than `limit` values as consecutive pieces of at most `limit`. */
export function piecesOf({ timestamp, byName }: CheckedEntry, limit: number): CheckedEntry[] {
  const pieces: CheckedEntry[] = [];
  for (const name in byName) {
    if (!Object.hasOwn(byName, name)) continue;
    const values = byName[name]!;
    for (let i = 0; i < values.length; i += limit) {
      const piece = values.slice(i, i + limit);
      pieces.push({ timestamp, byName: { [name]: piece }, values: piece.length });
    }
  }
  return pieces;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
