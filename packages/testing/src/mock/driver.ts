import { type Command, type Driver, type Reply, StorageError, toReply } from '@kairos/core';
import RedisMock from 'ioredis-mock';
import { Expiry } from './expiry';
import { globMatch } from './glob';
import { checkArguments, checkIncrement, requiredType, WRONGTYPE } from './redis-rules';
import { MockReplyError } from './reply-error';

/** Options of {@link mockDriver}. */
export interface MockDriverOptions {
  /**
   * The clock keys expire by, in Unix seconds: pass the `clock` given to the Timeseries (a
   * `manualClock`) so that one clock moves buckets and expiry. Default: the system time,
   * `Date.now() / 1000`, which fake timers move.
   */
  readonly clock?: () => number;
}

/** A {@link Driver} over an in-memory ioredis-mock store of its own. */
export interface MockDriver extends Driver {
  readonly cluster: false;
  /** The clock keys expire by (Unix seconds). */
  readonly clock: () => number;
  /** Empties the store and disconnects it; later calls reject with `StorageError`. */
  close(): Promise<void>;
  /** The keys stored now that match a Redis glob (default `*`), sorted. */
  keys(match?: string): Promise<string[]>;
  /** Seconds until `key` expires, as Redis' `TTL`: -1 when it has no TTL, -2 when absent. */
  ttl(key: string): Promise<number>;
}

/** The part of an ioredis-mock client used here: commands by lower-case name. */
type MockClient = Record<string, ((...args: string[]) => Promise<unknown>) | undefined>;

// ioredis-mock shares one store between instances with the same host:port/db, so each
// driver gets a host name of its own (never resolved: the mock does no networking).
let instances = 0;

/**
 * An in-memory {@link Driver} for tests, on ioredis-mock, with the checks real Redis makes
 * (WRONGTYPE, integer and float arguments, arity) added where the mock skips them, and a
 * correct SCAN MATCH. Every call returns an isolated, empty store.
 *
 * Keys expire by `options.clock` (a `manualClock`), else by the system time, so fake timers
 * (`vi.setSystemTime`) move expiry. `keys()` and `ttl()` show what was stored.
 *
 * @example
 * ```ts
 * const driver = mockDriver();
 * await driver.exec([['RPUSH', 'k', 'a', 'b'], ['LRANGE', 'k', 0, -1]]); // [2, ['a', 'b']]
 * await driver.close();
 * ```
 */
export function mockDriver(options: MockDriverOptions = {}): MockDriver {
  instances += 1;
  const redis = new RedisMock({ host: `kairos-mock-${instances}.invalid`, lazyConnect: false });
  const client = redis as unknown as MockClient;
  const expiry = new Expiry(options.clock ?? (() => Date.now() / 1000));
  // Calls run one after another so that two pipelines never interleave, as on one connection.
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const exec = (commands: readonly Command[]): Promise<Reply[]> => {
    // The mock keeps answering after disconnect(); a closed real client does not.
    if (closed) return Promise.reject(closedError(commands[0]));
    const run = queue.then(() => runPipeline(client, expiry, commands));
    queue = run.catch(() => undefined);
    return run;
  };
  const scan = (match: string) => (closed ? failingScan() : scanKeys(client, expiry, match));

  return {
    cluster: false,
    clock: expiry.clock,
    exec,
    scan,
    async keys(match = '*') {
      const found: string[] = [];
      for await (const key of scan(match)) found.push(key);
      return found.sort();
    },
    async ttl(key: string) {
      const [reply] = await exec([['TTL', key]]);
      return Number(reply);
    },
    async close() {
      closed = true;
      await queue;
      await redis.flushall();
      redis.disconnect();
    },
  };
}

/** Runs every command (a failure does not stop the others) and rejects on the first failure. */
async function runPipeline(
  client: MockClient,
  expiry: Expiry,
  commands: readonly Command[],
): Promise<Reply[]> {
  const replies: Reply[] = [];
  let failure: StorageError | undefined;
  for (const command of commands) {
    try {
      await purge(client, expiry);
      replies.push(await runCommand(client, expiry, command));
    } catch (cause) {
      replies.push(null);
      failure ??= new StorageError(`Redis command failed: ${message(cause)}`, { cause, command });
    }
  }
  if (failure) throw failure;
  return replies;
}

/** Deletes the keys whose deadline has passed by the driver's clock. */
async function purge(client: MockClient, expiry: Expiry): Promise<void> {
  const due = expiry.takeDue();
  if (due.length > 0) await call(client, 'del', due);
}

async function runCommand(client: MockClient, expiry: Expiry, command: Command): Promise<Reply> {
  const [rawName, ...rawArgs] = command;
  const name = rawName.toUpperCase();
  // Adapters send numbers as their decimal text; so does the mock, explicitly.
  const args = rawArgs.map(String);
  const fn = client[name.toLowerCase()];
  if (typeof fn !== 'function') {
    // Redis 7's wording, so that tests matching on it behave the same on both.
    const shown = args.map((arg) => `'${arg}' `).join('');
    throw new MockReplyError(
      `ERR unknown command '${rawName}', with args beginning with: ${shown}`,
    );
  }

  const argumentError = checkArguments(name, args);
  if (argumentError) throw new MockReplyError(argumentError);
  const key = args[0] ?? '';
  const type = requiredType(name);
  if (type) {
    const actual = await call(client, 'type', [key]);
    if (actual !== 'none' && actual !== type) throw new MockReplyError(WRONGTYPE);
  }
  if (name === 'INCR' || name === 'INCRBY' || name === 'INCRBYFLOAT' || name === 'HINCRBY') {
    const current =
      name === 'HINCRBY'
        ? await call(client, 'hget', [key, args[1] ?? ''])
        : await call(client, 'get', [key]);
    const incrementError = checkIncrement(name, args, typeof current === 'string' ? current : null);
    if (incrementError) throw new MockReplyError(incrementError);
  }
  const timed = await expiryCommand(client, expiry, name, args);
  if (timed !== undefined) return timed;
  return toReply(await call(client, name.toLowerCase(), args));
}

/**
 * The commands that read or change a TTL, answered from {@link Expiry} (by the driver's
 * clock, not the mock's); undefined for the others, after forgetting the TTL of keys they
 * delete or overwrite, as Redis does.
 */
async function expiryCommand(
  client: MockClient,
  expiry: Expiry,
  name: string,
  args: readonly string[],
): Promise<Reply | undefined> {
  const key = args[0] ?? '';
  switch (name) {
    case 'EXPIRE':
    case 'PEXPIRE': {
      if ((await call(client, 'exists', [key])) !== 1) return 0;
      const seconds = Number(args[1]) / (name === 'PEXPIRE' ? 1000 : 1);
      if (seconds <= 0) {
        expiry.clear(key);
        await call(client, 'del', [key]);
      } else expiry.set(key, seconds);
      return 1;
    }
    case 'TTL':
    case 'PTTL': {
      if ((await call(client, 'exists', [key])) !== 1) return -2;
      const left = expiry.remaining(key, name === 'PTTL' ? 1000 : 1);
      return left ?? -1;
    }
    case 'PERSIST': {
      const had = expiry.remaining(key) !== undefined;
      expiry.clear(key);
      return had ? 1 : 0;
    }
    case 'SET':
      expiry.clear(key);
      return undefined;
    case 'DEL':
    case 'UNLINK':
      for (const deleted of args) expiry.clear(deleted);
      return undefined;
    case 'FLUSHALL':
    case 'FLUSHDB':
      expiry.clearAll();
      return undefined;
    default:
      return undefined;
  }
}

async function call(client: MockClient, name: string, args: readonly string[]): Promise<unknown> {
  const fn = client[name];
  if (typeof fn !== 'function') throw new MockReplyError(`ERR unknown command '${name}'`);
  try {
    return await fn.apply(client, [...args]);
  } catch (error) {
    // The mock throws plain TypeErrors for some misuse; present them as reply errors.
    throw error instanceof MockReplyError
      ? error
      : new MockReplyError(message(error), { cause: error });
  }
}

/**
 * SCAN without MATCH (the mock's MATCH mishandles escapes and `?`), filtered here. The
 * mock's cursor is an offset into its key list, so a key deleted between pages would shift
 * others past the cursor; one page as large as the store avoids that (Redis guarantees every
 * key present for the whole scan is returned).
 */
async function* scanKeys(client: MockClient, expiry: Expiry, match: string): AsyncIterable<string> {
  await purge(client, expiry);
  let cursor = '0';
  do {
    let reply: unknown;
    try {
      reply = await call(client, 'scan', [cursor, 'COUNT', String(2 ** 31 - 1)]);
    } catch (cause) {
      throw new StorageError(`Redis SCAN failed: ${message(cause)}`, {
        cause,
        command: ['SCAN', cursor],
      });
    }
    const [next, keys] = reply as [string, string[]];
    for (const key of keys) if (globMatch(match, key)) yield key;
    cursor = String(next);
  } while (cursor !== '0');
}

function closedError(command: Command | undefined): StorageError {
  const cause = new Error('Connection is closed.');
  return new StorageError('the mock driver is closed', command ? { cause, command } : { cause });
}

// biome-ignore lint/correctness/useYield: it fails before yielding, like SCAN on a closed client.
async function* failingScan(): AsyncIterable<string> {
  throw closedError(['SCAN', '0']);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
