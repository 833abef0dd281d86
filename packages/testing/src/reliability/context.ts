import {
  type Command,
  type Driver,
  type Reply,
  type SeriesType,
  Timeseries,
  type TimeseriesOptions,
} from '@kairos/core';
import type { TestApi, TestFn } from '../conformance/api';

/** What the reliability topics share: the test API, the driver and storage probes. */
export interface ReliabilityContext {
  readonly api: TestApi;
  /** The driver under test (valid inside tests and hooks). */
  driver(): Driver;
  /** Registers a test with the suite's timeout. */
  test(name: string, fn: TestFn): void;
  /**
   * A prefix no other test uses, so that tests can share one Redis without flushing it:
   * every key a Timeseries with this prefix writes starts with it.
   */
  uniquePrefix(): string;
  /** A Timeseries on a driver that records what was sent (see {@link Recorded}). */
  recorded<T extends SeriesType, R = string, V = string | number>(
    options: TimeseriesOptions<T, R, V>,
  ): Recorded<T, R, V>;
  /** Every key starting with `prefix`, with its type and contents, read through the driver. */
  snapshot(prefix: string): Promise<Snapshot>;
}

/** A Timeseries and every pipeline and SCAN it sent. */
export interface Recorded<T extends SeriesType, R, V> {
  readonly t: Timeseries<T, R, V>;
  /** The recording driver the Timeseries uses. */
  readonly driver: Driver;
  readonly sent: Command[][];
  readonly scans: string[];
}

/** Keys mapped to `{ type, value }`; sets and hashes in a canonical order. */
export type Snapshot = Record<string, { type: string; value: unknown }>;

let sequence = 0;

/** Builds the context around the driver the suite creates in `beforeAll`. */
export function createReliabilityContext(
  api: TestApi,
  driver: () => Driver,
  timeout: number | undefined,
): ReliabilityContext {
  return {
    api,
    driver,
    test: (name, fn) => (timeout === undefined ? api.it(name, fn) : api.it(name, fn, timeout)),
    uniquePrefix() {
      sequence += 1;
      return `kr${Math.random().toString(36).slice(2, 8)}${sequence.toString(36)}`;
    },
    recorded(options) {
      const sent: Command[][] = [];
      const scans: string[] = [];
      const inner = driver();
      const recording: Driver = {
        cluster: inner.cluster,
        exec: (commands) => {
          sent.push([...commands]);
          return inner.exec(commands);
        },
        scan: (match) => {
          scans.push(match);
          return inner.scan(match);
        },
      };
      return { t: new Timeseries(recording, options), driver: recording, sent, scans };
    },
    snapshot: (prefix) => snapshot(driver(), prefix),
  };
}

/** Escapes `* ? [ ] \` so that SCAN matches `text` literally. */
export function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/** The keys matching `match`, sorted and without the duplicates SCAN may return. */
export async function scanAll(driver: Driver, match: string): Promise<string[]> {
  const keys = new Set<string>();
  for await (const key of driver.scan(match)) keys.add(key);
  return [...keys].sort();
}

const READ_BY_TYPE: Readonly<Record<string, (key: string) => Command>> = {
  string: (key) => ['GET', key],
  list: (key) => ['LRANGE', key, 0, -1],
  set: (key) => ['SMEMBERS', key],
  hash: (key) => ['HGETALL', key],
};

async function snapshot(driver: Driver, prefix: string): Promise<Snapshot> {
  const out: Snapshot = {};
  // One key per pipeline: on a cluster the keys of one prefix live in many slots.
  for (const key of await scanAll(driver, `${globEscape(prefix)}*`)) {
    const [type] = await driver.exec([['TYPE', key]]);
    const read = READ_BY_TYPE[String(type)];
    const [value] = read ? await driver.exec([read(key)]) : [null];
    out[key] = { type: String(type), value: canonical(String(type), value ?? null) };
  }
  return out;
}

/** SMEMBERS and HGETALL come back in any order; sort them so snapshots compare. */
function canonical(type: string, value: Reply): unknown {
  if (!Array.isArray(value)) return value;
  if (type === 'set') return value.map(String).sort();
  if (type === 'hash') {
    const pairs: [string, string][] = [];
    for (let i = 0; i + 1 < value.length; i += 2)
      pairs.push([String(value[i]), String(value[i + 1])]);
    return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return value;
}
