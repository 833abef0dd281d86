import type { Command, Driver, Reply } from '../../src/driver';
import { WRITE_SCRIPT, WRITE_SCRIPT_SHA } from '../../src/plan/script';

/** A tiny in-memory Redis for the commands Kairos sends, enough to compare final states. */
export class MiniRedis {
  readonly data = new Map<string, string | string[] | Set<string> | Map<string, number>>();
  readonly ttl = new Map<string, number>();
  /** SHA1s of the scripts loaded by EVAL, as Redis' script cache (SCRIPT FLUSH: clear it). */
  readonly scripts = new Set<string>();
  /** The write script's markers, apart from the data so that states compare. */
  readonly markers = new Set<string>();

  run(command: Command): Reply {
    const [name, key, ...rest] = command;
    const k = String(key);
    const args = rest.map(String);
    switch (name) {
      case 'RPUSH': {
        const list = (this.data.get(k) as string[] | undefined) ?? [];
        list.push(...args);
        this.data.set(k, list);
        return list.length;
      }
      case 'SADD': {
        const set = (this.data.get(k) as Set<string> | undefined) ?? new Set();
        for (const a of args) set.add(a);
        this.data.set(k, set);
        return set.size;
      }
      case 'INCRBYFLOAT': {
        const total = Number(this.data.get(k) ?? 0) + Number(args[0]);
        this.data.set(k, String(total));
        return String(total);
      }
      case 'HINCRBY': {
        const hash = (this.data.get(k) as Map<string, number> | undefined) ?? new Map();
        hash.set(args[0]!, (hash.get(args[0]!) ?? 0) + Number(args[1]));
        this.data.set(k, hash);
        return hash.get(args[0]!)!;
      }
      case 'SET':
        this.data.set(k, args[0]!);
        return 'OK';
      case 'EXPIRE':
        this.ttl.set(k, Number(args[0]));
        return 1;
      case 'GET':
        return (this.data.get(k) as string | undefined) ?? null;
      case 'LRANGE':
        return [...((this.data.get(k) as string[] | undefined) ?? [])];
      case 'SMEMBERS':
        return [...((this.data.get(k) as Set<string> | undefined) ?? [])];
      case 'HGETALL':
        return [...((this.data.get(k) as Map<string, number> | undefined) ?? [])].flatMap(
          ([f, n]) => [f, String(n)],
        );
      default:
        throw new Error(`MiniRedis: no ${name}`);
    }
  }

  /** The state as plain, comparable values (sets sorted). */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of [...this.data].sort(([a], [b]) => (a < b ? -1 : 1))) {
      out[key] =
        value instanceof Set
          ? [...value].sort()
          : value instanceof Map
            ? Object.fromEntries([...value].sort(([a], [b]) => (a < b ? -1 : 1)))
            : value;
    }
    return { data: out, ttl: Object.fromEntries([...this.ttl].sort()) };
  }
}

/**
 * A Driver over a MiniRedis that records every exec (one exec = one round trip) and can
 * hold replies back, to see what is in flight.
 */
export function countingDriver(options: { cluster?: boolean; scripts?: boolean } = {}) {
  const redis = new MiniRedis();
  const pipelines: Command[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const driver: Driver & { scripts: boolean } = {
    cluster: options.cluster ?? false,
    scripts: options.scripts ?? false,
    async exec(commands) {
      pipelines.push([...commands]);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Answer on a later turn, as a socket would.
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return commands.map((command) =>
        command[0] === 'EVAL' || command[0] === 'EVALSHA'
          ? runScript(redis, command)
          : redis.run(command),
      );
    },
    async *scan(match) {
      const prefix = match.replace(/\\/g, '').replace(/\*$/, '');
      for (const key of redis.data.keys()) if (key.startsWith(prefix)) yield key;
    },
  };
  return {
    driver,
    redis,
    pipelines,
    roundTrips: () => pipelines.length,
    maxInFlight: () => maxInFlight,
    reset: () => {
      pipelines.length = 0;
    },
  };
}

/**
 * Does what WRITE_SCRIPT does in Redis: each JSON op applied to its declared key. EVAL
 * loads the script; EVALSHA fails with NOSCRIPT unless it was loaded.
 */
function runScript(redis: MiniRedis, command: Command): Reply {
  const [name, script, numkeys, ...rest] = command;
  if (name === 'EVAL' && script === WRITE_SCRIPT) redis.scripts.add(WRITE_SCRIPT_SHA);
  else if (name === 'EVAL') throw new Error('MiniRedis: unknown script');
  else if (!redis.scripts.has(String(script))) {
    throw new Error('NOSCRIPT No matching script. Please use EVAL.');
  }
  const keys = rest.slice(0, Number(numkeys)).map(String);
  // The last key is the EVAL's marker: a second run applies nothing.
  const marker = keys.at(-1)!;
  if (redis.markers.has(marker)) return 0;
  redis.markers.add(marker);
  const ops = JSON.parse(String(rest[Number(numkeys)])) as [string, number, ...string[]][];
  for (const [name, index, ...args] of ops) {
    for (const arg of args) if (typeof arg !== 'string') throw new Error('non-string argument');
    redis.run([name, keys[index - 1]!, ...args]);
  }
  return ops.length;
}
