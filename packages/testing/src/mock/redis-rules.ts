/**
 * The checks real Redis makes and ioredis-mock skips, for the commands Kairos sends.
 * Seen on ioredis-mock 8.13: INCRBY on a non-number gives NaN, a float increment is
 * truncated, RPUSH/SADD/HINCRBY/GET/SMEMBERS/HGETALL on a key of another type corrupt or
 * misread it instead of failing with WRONGTYPE, EXPIRE accepts fractions, and RPUSH or SADD
 * with no value answer 0. Each rule returns the Redis error message, or undefined when the
 * command is acceptable.
 */

/** The key type a command needs (`TYPE` reply), per upper-case command name. */
const KEY_TYPES: Readonly<Record<string, string>> = {
  RPUSH: 'list',
  LRANGE: 'list',
  SADD: 'set',
  SMEMBERS: 'set',
  HINCRBY: 'hash',
  HGETALL: 'hash',
  INCR: 'string',
  INCRBY: 'string',
  INCRBYFLOAT: 'string',
  GET: 'string',
};

/** Minimum and maximum argument counts (after the name); `Infinity` = variadic. */
const ARITY: Readonly<Record<string, readonly [number, number]>> = {
  RPUSH: [2, Infinity],
  SADD: [2, Infinity],
  LRANGE: [3, 3],
  SMEMBERS: [1, 1],
  HINCRBY: [3, 3],
  HGETALL: [1, 1],
  INCR: [1, 1],
  INCRBY: [2, 2],
  INCRBYFLOAT: [2, 2],
  GET: [1, 1],
  SET: [2, Infinity],
  EXPIRE: [2, 3],
  PEXPIRE: [2, 3],
  TTL: [1, 1],
  PTTL: [1, 1],
  DEL: [1, Infinity],
  UNLINK: [1, Infinity],
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const NOT_INTEGER = 'ERR value is not an integer or out of range';
/** The message Redis answers when a command meets a key of another type. */
export const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';

/** Parses a Redis integer argument as Redis' `string2ll` does, or undefined. */
export function parseInteger(raw: string): bigint | undefined {
  if (!/^(0|-?[1-9]\d*)$/.test(raw)) return undefined;
  const value = BigInt(raw);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

/** Parses a Redis float argument (decimal or exponent form, no spaces), or undefined. */
export function parseFloatArg(raw: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** Checks that need only the command itself: arity and numeric arguments. */
export function checkArguments(name: string, args: readonly string[]): string | undefined {
  const arity = ARITY[name];
  if (arity && (args.length < arity[0] || args.length > arity[1])) {
    return `ERR wrong number of arguments for '${name.toLowerCase()}' command`;
  }
  switch (name) {
    case 'INCRBY':
    case 'EXPIRE':
    case 'PEXPIRE':
      return parseInteger(args[1] ?? '') === undefined ? NOT_INTEGER : undefined;
    case 'HINCRBY':
      return parseInteger(args[2] ?? '') === undefined ? NOT_INTEGER : undefined;
    case 'LRANGE':
      return parseInteger(args[1] ?? '') === undefined || parseInteger(args[2] ?? '') === undefined
        ? NOT_INTEGER
        : undefined;
    case 'INCRBYFLOAT':
      return parseFloatArg(args[1] ?? '') === undefined
        ? 'ERR value is not a valid float'
        : undefined;
    default:
      return undefined;
  }
}

/** The key type `name` requires, if it requires one. */
export function requiredType(name: string): string | undefined {
  return KEY_TYPES[name];
}

/**
 * Checks an increment against the value it applies to (`current` is the string stored at
 * the key or hash field, null when absent).
 */
export function checkIncrement(
  name: string,
  args: readonly string[],
  current: string | null,
): string | undefined {
  if (name === 'INCRBYFLOAT') {
    const base = current === null ? 0 : parseFloatArg(current);
    if (base === undefined) return 'ERR value is not a valid float';
    const sum = base + Number(args[1]);
    return Number.isFinite(sum) ? undefined : 'ERR increment would produce NaN or Infinity';
  }
  const base = current === null ? 0n : parseInteger(current);
  if (base === undefined)
    return name === 'HINCRBY' ? 'ERR hash value is not an integer' : NOT_INTEGER;
  const step = name === 'INCR' ? 1n : (parseInteger(args[name === 'HINCRBY' ? 2 : 1] ?? '') ?? 0n);
  const sum = base + step;
  return sum < INT64_MIN || sum > INT64_MAX
    ? 'ERR increment or decrement would overflow'
    : undefined;
}
