import type { Reply } from '@kairos/core';

/**
 * Turns what an ioredis-mock command resolves to into the raw RESP shape a real driver
 * returns: ioredis-mock hands HGETALL back as an object and SMEMBERS may hold a `Set`,
 * where Redis sends flat arrays; `undefined` (an absent hash field) is nil.
 */
export function toReply(value: unknown): Reply {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'boolean') return Number(value);
  if (Buffer.isBuffer(value)) return value.toString();
  if (Array.isArray(value)) return value.map(toReply);
  if (value instanceof Set) return [...value].map(toReply);
  if (value instanceof Map) return [...value].flatMap(([k, v]) => [toReply(k), toReply(v)]);
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([field, v]) => [field, toReply(v)]);
  }
  return String(value);
}
