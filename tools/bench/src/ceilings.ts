import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { admin } from './measure';

const run = promisify(execFile);

/** Commands measured with `redis-benchmark -P 100`, by the name the report uses. */
const COMMANDS = {
  RPUSH: ['RPUSH', 'bench:list:__rand_int__', '42'],
  SADD: ['SADD', 'bench:set:__rand_int__', '42'],
  INCRBYFLOAT: ['INCRBYFLOAT', 'bench:count:__rand_int__', '3'],
  HINCRBY: ['HINCRBY', 'bench:hash:__rand_int__', '42', '1'],
  EXPIRE: ['EXPIRE', 'bench:list:__rand_int__', '600000'],
  // Read shapes of (d): a 7-value list and a 60-member index, as in the data set.
  LRANGE: ['LRANGE', 'bench:read:list', '0', '-1'],
  SMEMBERS: ['SMEMBERS', 'bench:read:set'],
  EVAL: ['EVAL', "return redis.call('RPUSH', KEYS[1], ARGV[1])", '1', 'bench:eval', '42'],
} as const;

/** Requests per second of each command, pipelined 100 deep. */
export type Ceilings = Record<keyof typeof COMMANDS, number>;

/** Runs `redis-benchmark -P 100` for every command Kairos sends, then empties the server. */
export async function redisBenchmark(port: number, requests: number): Promise<Ceilings> {
  await admin(port, ['RPUSH', 'bench:read:list', 1, 2, 3, 4, 5, 6, 7]);
  await admin(port, ['SADD', 'bench:read:set', ...Array.from({ length: 60 }, (_, i) => i)]);
  const out = {} as Ceilings;
  for (const [name, args] of Object.entries(COMMANDS)) {
    const { stdout } = await run('redis-benchmark', [
      ...['-h', '127.0.0.1', '-p', String(port)],
      ...['-P', '100', '-n', String(requests), '-r', '100000', '--csv'],
      ...args,
    ]);
    // --csv: a header line, then "<test>","<requests per second>",…
    const line = stdout.trim().split('\n').at(-1) ?? '';
    const rps = Number(line.split('","')[1]);
    if (!Number.isFinite(rps)) throw new Error(`cannot read redis-benchmark output: ${stdout}`);
    out[name as keyof Ceilings] = rps;
  }
  await admin(port, ['FLUSHALL']);
  return out;
}
