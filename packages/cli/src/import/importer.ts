import { type BulkEntry, InvalidNameError, InvalidValueError, type Timeseries } from '@kairos/core';
import type { InputLine } from './sources';

/** Lines per `bulkInsert` call: one pipeline (core sends 10,000 values at most in one). */
export const CHUNK_LINES = 10_000;

/** How far an import got: what the summary line reports. */
export interface ImportTally {
  /** Values written (every line before `firstUnwritten`). */
  values: number;
  /** Distinct names among them. */
  readonly names: Set<string>;
  /** The first line not known to be written (all lines before it are). */
  firstUnwritten: number;
}

/** A line that stopped the import: its number and what is wrong with it. */
export class BadLine extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'BadLine';
  }
}

/**
 * Writes input lines through `bulkInsert`, chunk by chunk: one chunk in flight while the
 * next is read, so memory stays bounded by two chunks. On a bad line, every line before it
 * is written and nothing after it; `tally` always says how far the writes got, also when
 * Redis fails.
 *
 * @throws BadLine for the first bad line; the Timeseries' StorageError when Redis fails
 */
export async function importLines(
  timeseries: Timeseries,
  lines: AsyncIterable<InputLine>,
  tally: ImportTally,
  onChunk: () => void = () => {},
): Promise<void> {
  let chunk: Extract<InputLine, { name: string }>[] = [];
  let inFlight: Promise<void> | undefined;
  const send = async (batch: typeof chunk) => {
    await inFlight;
    inFlight = write(timeseries, batch, tally).then(onChunk);
    // Handled at the next send or at the end; not an unhandled rejection meanwhile.
    inFlight.catch(() => undefined);
  };
  for await (const line of lines) {
    if ('error' in line) {
      await send(chunk);
      await inFlight;
      throw new BadLine(line.line, line.error);
    }
    chunk.push(line);
    if (chunk.length >= CHUNK_LINES) {
      await send(chunk);
      chunk = [];
    }
  }
  await send(chunk);
  await inFlight;
}

async function write(
  timeseries: Timeseries,
  batch: Extract<InputLine, { name: string }>[],
  tally: ImportTally,
) {
  if (batch.length === 0) return;
  // Core plans entries as they are pulled, so the last one pulled is the one it rejected.
  let pulled = 0;
  function* entries(upTo: number): Iterable<BulkEntry<string | number>> {
    for (pulled = 0; pulled < upTo; pulled++) {
      const { time, name, value } = batch[pulled]!;
      yield [time, { [name]: [value] }];
    }
  }
  try {
    await timeseries.bulkInsert(entries(batch.length));
  } catch (error) {
    if (!(error instanceof InvalidValueError || error instanceof InvalidNameError)) throw error;
    // Rejected while planning, before anything of this chunk was sent: write the lines before it.
    const bad = pulled;
    await timeseries.bulkInsert(entries(bad));
    count(batch, bad, tally);
    throw new BadLine(batch[bad]!.line, error.message);
  }
  count(batch, batch.length, tally);
}

function count(batch: Extract<InputLine, { name: string }>[], upTo: number, tally: ImportTally) {
  for (let n = 0; n < upTo; n++) tally.names.add(batch[n]!.name);
  tally.values += upTo;
  tally.firstUnwritten = upTo < batch.length ? batch[upTo]!.line : batch[upTo - 1]!.line + 1;
}
