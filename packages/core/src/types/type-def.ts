import type { Command, Reply } from '../driver';
import type { SeriesType } from '../transforms';

/** Turns a raw string read back into the user's value. */
export type ReadFn = (raw: string) => unknown;

/** A value ready to be written: what `write` returned, validated. */
export type StoredValue = string | number;

/** Collects every write of one batch into one key, so the batch sends one command per key. */
export interface KeyWrites {
  add(value: StoredValue): void;
  /** The coalesced commands for the key; empty when they would change nothing. */
  commands(key: string): Command[];
}

/** How one series type stores, reads and merges a bucket. Data is typed at the facade. */
export interface TypeDef {
  readonly type: SeriesType;
  /** Checks a value to write; returns a reason when it is unusable. */
  invalid(value: StoredValue): string | undefined;
  createWrites(): KeyWrites;
  /** The command that reads one bucket key. */
  readCommand(key: string): Command;
  /** A bucket's reply (nil or empty when the key is missing) as the type's data. */
  decode(reply: Reply, read: ReadFn | undefined): unknown;
  /** Merges rows in order; `undefined` rows are missing. Join of names and condense. */
  merge(rows: Iterable<unknown>): unknown;
}

/** The elements of an array reply, as strings. */
export function replyStrings(reply: Reply): string[] {
  if (reply == null) return [];
  if (!Array.isArray(reply)) throw new TypeError(`expected an array reply, got ${typeof reply}`);
  return reply.map((item) => String(item));
}
