import type { Config } from '../config';
import type { Command } from '../driver';
import type { BulkEntry, BulkInserts } from '../options';
import { checkName, toSeconds, toStored } from '../validate';
import { checkEntry, isReiterable, syncEntries } from './entries';
import { WriteBatch } from './write-batch';

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
  if (isReiterable(inserts) && countValues(inserts as Iterable<BulkEntry<V>>) > chunkValues) {
    for (const entry of syncEntries(inserts) ?? []) plan(config, undefined, entry, now, 0);
  }
  let batch = new WriteBatch(config, now);
  const flush = () => {
    const commands = batch.commands();
    batch = new WriteBatch(config, now);
    return send(commands);
  };
  const sync = syncEntries(inserts);
  if (sync) {
    for (const entry of sync) {
      plan(config, batch, entry, now, shift);
      if (batch.size >= chunkValues) await flush();
    }
  } else {
    for await (const entry of inserts as AsyncIterable<BulkEntry<V>>) {
      plan(config, batch, entry, now, shift);
      if (batch.size >= chunkValues) await flush();
    }
  }
  if (batch.size > 0) await flush();
}

/** Checks one entry and plans its values into `batch` (only checks when there is none). */
function plan(
  config: Config,
  batch: WriteBatch | undefined,
  entry: unknown,
  now: number,
  shift: number,
) {
  const { timestamp, byName } = checkEntry(entry);
  const seconds = toSeconds(timestamp, 'a bulk entry timestamp', () => now);
  for (const [name, values] of byName) {
    checkName(name);
    for (const value of values) {
      const stored = toStored(config, value, name);
      batch?.add(name, seconds, stored, shift);
    }
  }
}

function countValues<V>(
  inserts: Iterable<BulkEntry<V>> | ReadonlyMap<unknown, Record<string, readonly V[]>>,
): number {
  let n = 0;
  const entries =
    inserts instanceof Map
      ? inserts.values()
      : Array.from(inserts as Iterable<BulkEntry<V>>, (e) => e?.[1]);
  for (const byName of entries) {
    if (byName && typeof byName === 'object')
      for (const values of Object.values(byName)) n += Array.isArray(values) ? values.length : 0;
  }
  return n;
}
