import type { Reply } from '../driver';

/**
 * Turns what a client resolved into a raw RESP `Reply`. With default settings ioredis, and
 * node-redis with the type mapping its driver sets, already give RESP2 shapes; this also
 * covers clients configured otherwise (Buffers, RESP3 maps and sets, booleans, big
 * numbers), so core never sees a client-specific shape. An `Error` inside the value (a
 * failed command nested in a reply) is thrown.
 *
 * @example
 * ```ts
 * toReply(new Map([['f', '1']])); // ['f', '1'], as HGETALL answers in RESP2
 * ```
 */
export function toReply(value: unknown): Reply {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (value instanceof Error) throw value;
  if (Array.isArray(value)) return value.map(toReply);
  if (value instanceof Set) return [...value].map(toReply);
  if (value instanceof Map) return flatten(value.entries());
  if (typeof value === 'object') return flatten(Object.entries(value));
  return String(value);
}

function flatten(entries: Iterable<[unknown, unknown]>): Reply[] {
  const flat: Reply[] = [];
  for (const [key, item] of entries) flat.push(toReply(key), toReply(item));
  return flat;
}
