import type { Config } from '../config';
import type { Command } from '../driver';
import { StorageError, withDetail } from '../errors';
import type { BulkEntry, BulkInserts } from '../options';
import { type CheckedEntry, checkEntry, isReiterable, piecesOf, syncEntries } from './entries';
import { planChecked, planEntry } from './plan-entry';
import { WriteBatch } from './write-batch';
import { nextTurn } from './yield';

/** Values planned before a chunk is sent: bounds memory and pipeline size. */
export const CHUNK_VALUES = 10_000;

/** Sends one chunk's commands; the Timeseries wraps the driver. */
export type Send = (commands: Command[]) => Promise<unknown>;

/**
 * Plans and sends a bulk insert chunk by chunk. A Map or an array is validated whole
 * before anything is sent; a stream (generator, async iterable) is validated chunk by
 * chunk, so a bad entry fails its chunk and every later one, not the chunks already sent.
 */
export async function writeEntries<V>(
  config: Config,
  inserts: BulkInserts<V>,
  shift: number,
  send: Send,
  chunkValues = CHUNK_VALUES,
): Promise<void> {
  const now = config.clock();
  const clock = () => now;
  // Names repeat across entries; their regex checks need to run once per call.
  const names = new Set<string>();
  if (isReiterable(inserts) && hasMoreValues(inserts as Iterable<BulkEntry<V>>, chunkValues)) {
    checkAll(config, inserts, clock, names);
  }
  let batch = new WriteBatch(config, now);
  // Chunk n is sent only once chunks 1 … n−1 succeeded: its failure can say so.
  let chunks = 0;
  const sendChunk = (commands: Command[]) => {
    const n = ++chunks;
    return send(commands).catch((error: unknown) => {
      throw error instanceof StorageError ? withDetail(error, landed(n)) : error;
    });
  };
  // One chunk in flight while the next is planned: Redis works while Node plans. The next
  // chunk is sent only once the previous one succeeded, so order and failures are as if
  // chunks were sent one after another.
  let inFlight: Promise<unknown> | undefined;
  const flush = async (last = false) => {
    const commands = batch.commands();
    batch = new WriteBatch(config, now);
    await inFlight;
    inFlight = sendChunk(commands);
    // Seen as handled until awaited, so a failure while the next chunk is planned is not
    // reported as unhandled; it still rejects the call at the next flush or at the end.
    inFlight.catch(() => undefined);
    if (!last) await nextTurn();
  };
  // Plans one entry; returns a promise to await when that filled a chunk. An entry with
  // more values than a chunk is split, so that it too travels in bounded chunks.
  const plan = (entry: unknown): Promise<void> | undefined => {
    const checked = checkEntry(entry);
    if (checked.values > chunkValues) return planPieces(checked);
    planChecked(config, batch, checked, clock, shift, names);
    return batch.size >= chunkValues ? flush() : undefined;
  };
  const planPieces = async (checked: CheckedEntry) => {
    for (const piece of piecesOf(checked, chunkValues)) {
      planChecked(config, batch, piece, clock, shift, names);
      if (batch.size >= chunkValues) await flush();
    }
  };
  try {
    const sync = syncEntries(inserts);
    if (Array.isArray(sync)) {
      // By index, as in checkAll.
      for (let i = 0; i < sync.length; i++) {
        const full = plan(sync[i]);
        if (full) await full;
      }
    } else if (sync) {
      for (const entry of sync) {
        const full = plan(entry);
        if (full) await full;
      }
    } else {
      for await (const entry of inserts as AsyncIterable<BulkEntry<V>>) {
        const full = plan(entry);
        if (full) await full;
      }
    }
    if (batch.size > 0) await flush(true);
  } catch (error) {
    // A bad entry or a failing source: settle the chunk in flight before rejecting, so no
    // write is still under way when the call has returned.
    await inFlight?.catch(() => undefined);
    throw error;
  }
  await inFlight;
}

/** Checks every entry of an array or a Map before anything is sent. */
function checkAll<V>(
  config: Config,
  inserts: BulkInserts<V>,
  clock: () => number,
  names: Set<string>,
) {
  const entries = syncEntries(inserts) ?? [];
  // By index: for…of here (an array or a Map's entries) allocates an iterator result per entry.
  if (Array.isArray(entries)) {
    for (let i = 0; i < entries.length; i++)
      planEntry(config, undefined, entries[i], clock, 0, names);
  } else {
    for (const entry of entries) planEntry(config, undefined, entry, clock, 0, names);
  }
}

/** What a failure of chunk `n` of a bulk insert knows of the call's other chunks. */
function landed(n: number): string {
  const before =
    n === 1
      ? 'no chunk before it'
      : n === 2
        ? 'chunk 1 was written'
        : `chunks 1 to ${n - 1} were written`;
  return `bulkInsert chunk ${n}: ${before}, none after it was sent`;
}

/** True when the entries hold more than `limit` values (stops counting there). */
function hasMoreValues<V>(
  inserts: Iterable<BulkEntry<V>> | ReadonlyMap<unknown, Record<string, readonly V[]>>,
  limit: number,
): boolean {
  let n = 0;
  const entries =
    inserts instanceof Map ? inserts.values() : mapIterable(inserts as Iterable<BulkEntry<V>>);
  for (const byName of entries) {
    if (byName && typeof byName === 'object')
      for (const values of Object.values(byName)) n += Array.isArray(values) ? values.length : 0;
    if (n > limit) return true;
  }
  return false;
}

function* mapIterable<V>(inserts: Iterable<BulkEntry<V>>): Iterable<unknown> {
  for (const entry of inserts) yield entry?.[1];
}
