import type { Command, Reply } from '../driver';
import { hasLoneSurrogate } from '../text';
import type { SeriesType } from '../transforms';
import { replyStrings } from '../types/type-def';
import type { DumpData, ExactNumber } from './record';

/** How one series type's bucket becomes a record's data and is written back. */
export interface DumpCodec {
  /** A bucket's read reply as data; undefined when the key holds nothing (gone meanwhile). */
  fromReply(reply: Reply): DumpData | undefined;
  /** Why `data` cannot be written as this type, or undefined when it can. */
  invalid(data: unknown): string | undefined;
  /** The values `data` holds, as `RestoreSummary.values` counts them. */
  values(data: DumpData): number;
  /** Commands that make `key` hold exactly `data` (whatever it held before). */
  replace(key: string, data: DumpData): Command[];
}

/** Arguments per RPUSH/SADD/HSET of a restore: a huge bucket is written in several. */
const ARGS_PER_COMMAND = 4_000;

/** Redis' own float syntax for a count (what INCRBYFLOAT accepts). */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const INTEGER = /^-?\d+$/;

/** A stored number as a JSON number when that reads back as the same text, else the text. */
export function exactNumber(text: string): ExactNumber {
  const n = Number(text);
  return String(n) === text ? n : text;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function invalidStrings(data: unknown, what: string): string | undefined {
  if (!Array.isArray(data)) return `${what} must be an array of strings`;
  for (const item of data) {
    if (typeof item !== 'string') return `${what} must be an array of strings`;
    if (hasLoneSurrogate(item)) return `${what} holds a string with a lone surrogate`;
  }
  return undefined;
}

function pieces(name: string, key: string, args: readonly string[], per: number): Command[] {
  const out: Command[] = [];
  for (let i = 0; i < args.length; i += per) out.push([name, key, ...args.slice(i, i + per)]);
  return out;
}

/** A bucket of strings written by `command`: a list in order, or a set's members sorted. */
function strings(command: 'RPUSH' | 'SADD', what: string, sorted: boolean): DumpCodec {
  return {
    fromReply: (reply) => {
      const values = replyStrings(reply);
      if (values.length === 0) return undefined;
      return sorted ? values.sort(byCodeUnit) : values;
    },
    invalid: (data) => invalidStrings(data, what),
    values: (data) => (data as string[]).length,
    replace: (key, data) => [
      ['DEL', key],
      ...pieces(command, key, data as string[], ARGS_PER_COMMAND),
    ],
  };
}

const list = strings('RPUSH', 'series data', false);
const set = strings('SADD', 'set data', true);

const histogram: DumpCodec = {
  fromReply: (reply) => {
    const flat = replyStrings(reply);
    const pairs: Array<[string, ExactNumber]> = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      pairs.push([flat[i] as string, exactNumber(flat[i + 1] as string)]);
    }
    return pairs.length ? pairs.sort((a, b) => byCodeUnit(a[0], b[0])) : undefined;
  },
  invalid: (data) => {
    if (!Array.isArray(data)) return 'histogram data must be an array of [value, count] pairs';
    for (const pair of data) {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
        return 'histogram data must be an array of [value, count] pairs';
      }
      if (hasLoneSurrogate(pair[0])) return 'histogram data holds a value with a lone surrogate';
      const count = pair[1];
      const ok =
        typeof count === 'number' ? Number.isSafeInteger(count) : INTEGER.test(String(count));
      if (!ok || (typeof count !== 'number' && typeof count !== 'string')) {
        return `histogram count of ${JSON.stringify(pair[0])} must be an integer; got ${JSON.stringify(count)}`;
      }
    }
    return undefined;
  },
  values: (data) => (data as unknown[]).length,
  replace: (key, data) => {
    const args: string[] = [];
    for (const [value, count] of data as Array<[string, ExactNumber]>)
      args.push(value, String(count));
    return [['DEL', key], ...pieces('HSET', key, args, ARGS_PER_COMMAND)];
  },
};

const count: DumpCodec = {
  fromReply: (reply) => (reply == null ? undefined : exactNumber(String(reply))),
  invalid: (data) =>
    (typeof data === 'number' && Number.isFinite(data)) ||
    (typeof data === 'string' && DECIMAL.test(data) && Number.isFinite(Number(data)))
      ? undefined
      : `count data must be a finite number (or its decimal text); got ${JSON.stringify(data)}`,
  values: () => 1,
  replace: (key, data) => [['SET', key, String(data)]],
};

const gauge: DumpCodec = {
  fromReply: (reply) => (reply == null ? undefined : String(reply)),
  invalid: (data) =>
    typeof data !== 'string'
      ? `gauge data must be a string; got ${JSON.stringify(data)}`
      : hasLoneSurrogate(data)
        ? 'gauge data is a string with a lone surrogate'
        : undefined,
  values: () => 1,
  replace: (key, data) => [['SET', key, data as string]],
};

/** The codec of each series type. */
export const CODECS: Readonly<Record<SeriesType, DumpCodec>> = {
  series: list,
  set,
  histogram,
  count,
  gauge,
};
