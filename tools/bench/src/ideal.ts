import type { SeriesType } from '@kairos/core';
import { INTERVALS, type Point, point } from './dataset';

/** A command as a client takes it: strings only (node-redis requires them). */
export type RawCommand = string[];

const DAY = INTERVALS.day.step;
const HOUR = INTERVALS.hour.step;
const MINUTE = INTERVALS.hour.resolution;

/** The key layout of the bench (no prefix, no hash tag), written out by hand. */
export function dayKey(p: Point): string {
  return `${p.name}:day:${Math.floor(p.timestamp / DAY)}`;
}
export function hourKey(p: Point): string {
  return `${p.name}:hour:${Math.floor(p.timestamp / HOUR)}`;
}
export function minuteOf(p: Point): number {
  return Math.floor(p.timestamp / MINUTE);
}

/** The TTL of a daily bucket: until it is `steps` days older than today's bucket. */
export function dayTtl(p: Point, now: number): number {
  const bucket = Math.floor(p.timestamp / DAY);
  return (bucket + INTERVALS.day.steps) * DAY - Math.floor(now / DAY) * DAY;
}

/**
 * The minimal commands for `points` in chunks of `chunk`, coalesced as docs/ARCHITECTURE.md "The write path" describes —
 * one RPUSH per list, summed INCRBYFLOAT, summed HINCRBY per field, one SADD per index,
 * one EXPIRE per TTL'd key — written directly for this data set, with no library code.
 */
export function idealChunks(
  total: number,
  now: number,
  type: SeriesType,
  chunk: number,
): RawCommand[][] {
  const out: RawCommand[][] = [];
  for (let start = 0; start < total; start += chunk) {
    const values = new Map<string, string[]>();
    const counts = new Map<string, number>();
    const fields = new Map<string, Map<string, number>>();
    const indexes = new Map<string, Set<number>>();
    const ttls = new Map<string, number>();
    const add = (key: string, value: number) => {
      if (type === 'series') {
        const list = values.get(key);
        if (list) list.push(String(value));
        else values.set(key, [String(value)]);
      } else if (type === 'count') counts.set(key, (counts.get(key) ?? 0) + value);
      else {
        const hash = fields.get(key) ?? new Map<string, number>();
        fields.set(key, hash);
        hash.set(String(value), (hash.get(String(value)) ?? 0) + 1);
      }
    };
    for (let i = start; i < Math.min(total, start + chunk); i++) {
      const p = point(i, total, now, type);
      const day = dayKey(p);
      add(day, p.value);
      ttls.set(day, dayTtl(p, now));
      const hour = hourKey(p);
      const minute = minuteOf(p);
      add(`${hour}:${minute}`, p.value);
      const index = indexes.get(hour) ?? new Set<number>();
      indexes.set(hour, index);
      index.add(minute);
    }
    const commands: RawCommand[] = [];
    for (const [key, list] of values) commands.push(['RPUSH', key, ...list]);
    for (const [key, n] of counts) commands.push(['INCRBYFLOAT', key, String(n)]);
    for (const [key, hash] of fields)
      for (const [field, n] of hash) commands.push(['HINCRBY', key, field, String(n)]);
    for (const [key, index] of indexes) commands.push(['SADD', key, ...Array.from(index, String)]);
    for (const [key, ttl] of ttls) commands.push(['EXPIRE', key, String(ttl)]);
    out.push(commands);
  }
  return out;
}

/** The minimal commands of one series point written alone (what one `insert` needs). */
export function idealSingle(p: Point, now: number): RawCommand[] {
  const day = dayKey(p);
  const hour = hourKey(p);
  const minute = minuteOf(p);
  const value = String(p.value);
  return [
    ['RPUSH', day, value],
    ['RPUSH', `${hour}:${minute}`, value],
    ['SADD', hour, String(minute)],
    ['EXPIRE', day, String(dayTtl(p, now))],
  ];
}
