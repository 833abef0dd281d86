import type { Command, Driver, Reply } from '@kairos/core';

/** Escapes `* ? [ ] \` so that SCAN matches `text` literally (written apart from core's on purpose). */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

let sequence = 0;

/** A key prefix no other test uses (no `':'`), so tests can share one Redis without flushing. */
export function uniquePrefix(tag: string): string {
  sequence += 1;
  return `${tag}${Math.random().toString(36).slice(2, 8)}${sequence.toString(36)}`;
}

/**
 * True for the key where Kairos' write script records one batch (`<first key>:~<batch id>`,
 * kept two minutes so that a resent script is not applied twice): bookkeeping, not data.
 */
export function isWriteMarker(key: string): boolean {
  return /:~[^:]+$/.test(key);
}

/**
 * The data keys matching `match`, sorted and without the duplicates SCAN may return; write
 * markers ({@link isWriteMarker}) are left out, since they come and go with the write path.
 */
export async function scanAll(driver: Driver, match: string): Promise<string[]> {
  const keys = new Set<string>();
  for await (const key of driver.scan(match)) if (!isWriteMarker(key)) keys.add(key);
  return [...keys].sort();
}

/** Keys mapped to `{ type, value }`; sets and hashes in a canonical order. */
export type Snapshot = Record<string, { type: string; value: unknown }>;

const READ_BY_TYPE: Readonly<Record<string, (key: string) => Command>> = {
  string: (key) => ['GET', key],
  list: (key) => ['LRANGE', key, 0, -1],
  set: (key) => ['SMEMBERS', key],
  hash: (key) => ['HGETALL', key],
};

/** Every key under `prefix` with its type and contents, to prove a call changed nothing. */
export async function snapshot(driver: Driver, prefix: string): Promise<Snapshot> {
  const keys = await scanAll(driver, `${escapeGlob(prefix)}*`);
  if (keys.length === 0) return {};
  // Two round trips whatever the number of keys (a cluster driver splits them by slot).
  const types = (await driver.exec(keys.map((key): Command => ['TYPE', key]))).map(String);
  const reads = keys.map((key, i) => READ_BY_TYPE[types[i] as string]?.(key) ?? null);
  const present = reads.filter((read): read is Command => read !== null);
  const replies = present.length ? await driver.exec(present) : [];
  let next = 0;
  const out: Snapshot = {};
  keys.forEach((key, i) => {
    const type = types[i] as string;
    const value = reads[i] ? (replies[next++] ?? null) : null;
    out[key] = { type, value: canonical(type, value) };
  });
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

/** A driver that passes everything to `inner` and records every command, pipeline and SCAN. */
export function recordingDriver(inner: Driver, cluster = inner.cluster) {
  const sent: Command[] = [];
  const batches: Command[][] = [];
  const scans: string[] = [];
  const driver: Driver = {
    cluster,
    // Keep the inner driver's write path: a suite on a scripting driver tests the scripts.
    ...(inner.scripts === undefined ? {} : { scripts: inner.scripts }),
    exec: (commands) => {
      for (const command of commands) sent.push(command);
      batches.push([...commands]);
      return inner.exec(commands);
    },
    scan: (match) => {
      scans.push(match);
      return inner.scan(match);
    },
  };
  return { driver, sent, batches, scans };
}
