import type { Config } from '../config';
import { checkPrefix } from '../config';
import type { Command } from '../driver';
import { describe, InvalidRecordError, InvalidValueError } from '../errors';
import { intervalKey, type KeyLayout, nameKey, normalizePrefix, resolutionKey } from '../keys';
import { CHUNK_VALUES } from '../plan/writer';
import { nextTurn } from '../plan/yield';
import { checkName, toSeconds } from '../validate';
import { CODECS } from './codecs';
import type { SeriesInternals } from './internals';
import type { DumpRecord, RestoreOptions, RestoreSummary } from './record';

/** Commands per chunk besides the values: bounds a chunk of many small buckets. */
const CHUNK_COMMANDS = 10_000;

/**
 * `Timeseries.restore`: writes each record's bucket with replace semantics (the key is
 * deleted and written whole, its TTL set again), so running the same records twice, or
 * again after a restore died half-way, leaves the same data. Records are checked chunk by
 * chunk before the chunk is sent: a bad one rejects with InvalidRecordError, after the
 * chunks before it were written and with nothing of its own.
 */
export async function restoreRecords(
  series: SeriesInternals,
  records: Iterable<DumpRecord> | AsyncIterable<DumpRecord>,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const { config } = series;
  checkPrefix(options?.prefix, (message) => new InvalidValueError(message));
  const layout: KeyLayout = {
    prefix: options?.prefix === undefined ? config.layout.prefix : normalizePrefix(options.prefix),
    hashTag: config.layout.hashTag,
  };
  const now = config.clock();
  const elapsed =
    options?.dumpedAt === undefined ? 0 : now - toSeconds(options.dumpedAt, 'dumpedAt', () => now);
  if (!isIterable(records)) {
    throw new InvalidValueError(
      `restore takes an iterable or async iterable of records; got ${describe(records)}`,
    );
  }

  const summary: RestoreSummary = { buckets: 0, values: 0, names: 0, expired: 0 };
  const names = new Set<string>();
  let chunk: Command[] = [];
  let chunkValues = 0;
  let chunkNames: string[] = [];
  let chunkBuckets = 0;
  let inFlight: Promise<unknown> | undefined;
  const flush = async () => {
    const commands = chunk;
    const counted = { names: chunkNames, buckets: chunkBuckets, values: chunkValues };
    chunk = [];
    chunkValues = 0;
    chunkNames = [];
    chunkBuckets = 0;
    await inFlight;
    // The summary counts what Redis confirmed.
    inFlight = series.write(commands).then(() => {
      summary.buckets += counted.buckets;
      summary.values += counted.values;
      for (const name of counted.names) names.add(name);
    });
    inFlight.catch(() => undefined);
    await nextTurn();
  };

  let index = 0;
  try {
    for await (const record of records as AsyncIterable<DumpRecord>) {
      index += 1;
      const planned = planRecord(config, layout, record, index, elapsed);
      if (!planned) {
        summary.expired += 1;
        continue;
      }
      for (const command of planned.commands) chunk.push(command);
      chunkValues += planned.values;
      chunkBuckets += 1;
      chunkNames.push(record.name);
      if (chunkValues >= CHUNK_VALUES || chunk.length >= CHUNK_COMMANDS) await flush();
    }
    if (chunk.length) await flush();
  } catch (error) {
    // Settle the chunk in flight, so no write is under way once the call has returned.
    await inFlight?.catch(() => undefined);
    throw error;
  }
  await inFlight;
  summary.names = names.size;
  return summary;
}

function isIterable(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (Symbol.iterator in value || Symbol.asyncIterator in value)
  );
}

/**
 * Checks one record against the schema and plans its replacing writes; undefined when its
 * TTL has run out.
 */
function planRecord(
  config: Config,
  layout: KeyLayout,
  record: DumpRecord,
  index: number,
  elapsed: number,
): { commands: Command[]; values: number } | undefined {
  const fail = (reason: string) => {
    const where =
      record && typeof record === 'object'
        ? ` (${describe(record.name)} ${describe(record.interval)} bucket ${describe(record.bucket)}${record.resolution === undefined ? '' : ` row ${describe(record.resolution)}`})`
        : '';
    return new InvalidRecordError(index, `${reason}${where}`);
  };
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    throw fail(`a record must be an object; got ${describe(record)}`);
  }
  try {
    checkName(record.name);
  } catch (error) {
    throw fail((error as Error).message);
  }
  if (record.type !== config.type.type) {
    throw fail(`type ${describe(record.type)} does not match this ${config.type.type} series`);
  }
  const interval =
    typeof record.interval === 'string' ? config.intervals.get(record.interval) : undefined;
  if (!interval) throw fail(`interval ${describe(record.interval)} is not configured here`);
  if (!Number.isSafeInteger(record.bucket)) throw fail('bucket must be an integer');
  if (record.start !== interval.i.fromBucket(record.bucket)) {
    throw fail(
      `start ${describe(record.start)} is not where bucket ${record.bucket} of ${describe(interval.name)} starts here (another schema? use migrate)`,
    );
  }
  if (interval.coarse !== (record.resolution === undefined)) {
    throw fail(
      interval.coarse
        ? `${describe(interval.name)} is coarse here: a record has no resolution`
        : `${describe(interval.name)} is fine here: a record needs its resolution bucket`,
    );
  }
  if (record.resolution !== undefined && !Number.isSafeInteger(record.resolution)) {
    throw fail('resolution must be an integer');
  }
  const { ttl } = record;
  if (ttl !== null && !(typeof ttl === 'number' && Number.isFinite(ttl))) {
    throw fail(`ttl must be a number of seconds or null; got ${describe(ttl)}`);
  }
  const codec = CODECS[config.type.type];
  const reason = record.data === null ? undefined : codec.invalid(record.data);
  if (reason) throw fail(reason);

  const left = ttl === null ? undefined : ttl - elapsed;
  if (left !== undefined && left <= 0) return undefined;
  const ms = left === undefined ? undefined : Math.max(1, Math.round(left * 1000));
  const iKey = intervalKey(nameKey(layout, record.name), interval.name, record.bucket);
  const key = record.resolution === undefined ? iKey : resolutionKey(iKey, record.resolution);
  const commands: Command[] =
    record.data === null ? [['DEL', key]] : codec.replace(key, record.data);
  if (ms !== undefined) commands.push(['PEXPIRE', key, ms]);
  if (record.resolution !== undefined) {
    commands.push(['SADD', iKey, record.resolution]);
    commands.push(ms === undefined ? ['PERSIST', iKey] : ['PEXPIRE', iKey, ms]);
  }
  return { commands, values: record.data === null ? 0 : codec.values(record.data) };
}
