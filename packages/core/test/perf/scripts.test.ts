import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Command, Driver } from '../../src/driver';
import { StorageError } from '../../src/errors';
import {
  APPLIED_TTL_SECONDS,
  hashTag,
  SCRIPT_ARGS_MAX,
  scriptCommands,
  supportsScripts,
  WRITE_SCRIPT,
  WRITE_SCRIPT_SHA,
} from '../../src/plan/script';
import { Timeseries } from '../../src/timeseries';
import { countingDriver } from './counting-driver';

const NOW = 1_700_000_000;

describe('the scripted write path', () => {
  it('names the write script by the SHA1 of its text', () => {
    expect(WRITE_SCRIPT_SHA).toBe(createHash('sha1').update(WRITE_SCRIPT).digest('hex'));
  });

  it('is used only when the driver declares it', () => {
    expect(supportsScripts(countingDriver().driver)).toBe(false);
    expect(supportsScripts(countingDriver({ scripts: true }).driver)).toBe(true);
  });

  it('sends one EVAL per chunk, or per hash tag on a cluster', async () => {
    const entries = Array.from({ length: 300 }, (_, i) => [NOW, { [`n${i % 3}`]: [i] }] as const);
    for (const cluster of [false, true]) {
      const counting = countingDriver({ scripts: true, cluster });
      const t = new Timeseries(counting.driver, {
        type: 'count',
        intervals: { minute: { step: 60, steps: 10 } },
        clock: () => NOW,
      });
      await t.bulkInsert(entries);
      const evals = counting.pipelines.flat();
      expect(counting.roundTrips()).toBe(1);
      expect(evals.every((c) => c[0] === 'EVAL')).toBe(true);
      expect(evals).toHaveLength(cluster ? 3 : 1);
      if (cluster) {
        for (const command of evals) {
          const keys = command.slice(3, 3 + Number(command[2])).map(String);
          expect(new Set(keys.map(hashTag)).size).toBe(1);
        }
      }
    }
  });

  it('declares every key and sends every argument as a string', () => {
    const commands: Command[] = [
      ['RPUSH', '{a}:m:1', 0.1, 'x', 1e21],
      ['EXPIRE', '{a}:m:1', 60],
      ['HINCRBY', '{b}:m:1', 'f', 2],
    ];
    const [command] = scriptCommands(commands, false);
    expect(command?.slice(2, 5)).toEqual([3, '{a}:m:1', '{b}:m:1']);
    expect(String(command?.[5])).toMatch(/^\{a\}:m:1:~[0-9a-z]+\.[0-9a-z]+$/);
    expect(command?.[7]).toBe(String(APPLIED_TTL_SECONDS));
    expect(JSON.parse(String(command?.[6]))).toEqual([
      ['RPUSH', 1, '0.1', 'x', '1e+21'],
      ['EXPIRE', 1, '60'],
      ['HINCRBY', 2, 'f', '2'],
    ]);
  });

  it('keeps each EVAL within SCRIPT_ARGS_MAX arguments, in order, a bigger command alone', () => {
    const small = (i: number): Command => ['RPUSH', `k${i % 7}`, ...Array(99).fill(`v${i}`)];
    const big: Command = ['RPUSH', 'big', ...Array(SCRIPT_ARGS_MAX + 5).fill('x')];
    const commands = [...Array.from({ length: 150 }, (_, i) => small(i)), big, small(150)];
    const evals = scriptCommands(commands, false);
    expect(evals.length).toBeGreaterThan(3);
    const ops = evals.flatMap((command) => {
      const numkeys = Number(command[2]);
      const keys = command.slice(3, 3 + numkeys).map(String);
      const decoded = JSON.parse(String(command[3 + numkeys])) as [string, number, ...string[]][];
      const args = decoded.reduce((n, op) => n + op.length, 0);
      if (decoded.length > 1) expect(args).toBeLessThanOrEqual(SCRIPT_ARGS_MAX);
      return decoded.map(([name, index, ...rest]) => [name, keys[index - 1], ...rest]);
    });
    expect(ops).toEqual(commands);
  });

  it('sends the script text once per hash tag, then names it by its SHA1 (EVALSHA)', () => {
    const rpush = (key: string): Command => ['RPUSH', key, ...Array(1_000).fill('v')];
    const commands = Array.from({ length: 20 }, (_, i) => rpush(`{${i % 2 ? 'a' : 'b'}}:m:${i}`));
    for (const cluster of [false, true]) {
      const evals = scriptCommands(commands, cluster);
      const loading = evals.filter((command) => command[0] === 'EVAL');
      expect(loading.map((command) => command[1])).toEqual(
        cluster ? [WRITE_SCRIPT, WRITE_SCRIPT] : [WRITE_SCRIPT],
      );
      const byName = evals.filter((command) => command[0] === 'EVALSHA');
      expect(byName.length).toBeGreaterThan(2);
      expect(byName.every((command) => command[1] === WRITE_SCRIPT_SHA)).toBe(true);
      // Each hash tag's first script is the one that loads it.
      const seen = new Set<string>();
      for (const command of evals) {
        const tag = cluster ? hashTag(String(command[3])) : '';
        expect(command[0]).toBe(seen.has(tag) ? 'EVALSHA' : 'EVAL');
        seen.add(tag);
      }
    }
  });

  it('still writes every value after the server forgot its scripts (SCRIPT FLUSH)', async () => {
    const entries = Array.from(
      { length: 9_000 },
      (_, i) => [NOW + i, { [`n${i % 3}`]: [i] }] as const,
    );
    const plain = countingDriver();
    const scripted = countingDriver({ scripts: true });
    const options = {
      type: 'series',
      intervals: { minute: { step: 60 } },
      clock: () => NOW,
    } as const;
    const t = new Timeseries(scripted.driver, options);
    await t.bulkInsert(entries.slice(0, 4_500));
    expect(scripted.pipelines.flat().some((command) => command[0] === 'EVALSHA')).toBe(true);
    scripted.redis.scripts.clear();
    await t.bulkInsert(entries.slice(4_500));
    await new Timeseries(plain.driver, options).bulkInsert(entries);
    expect(scripted.redis.snapshot()).toEqual(plain.redis.snapshot());
  });

  it('reads the hash tag as Redis Cluster does', () => {
    expect(hashTag('p:{name}:m:1')).toBe('name');
    expect(hashTag('p:{}:m:1')).toBe('p:{}:m:1');
    expect(hashTag('plain')).toBe('plain');
  });
});

/** Per-minute counts on `driver`. */
function minuteCounts(driver: Driver) {
  return new Timeseries(driver, {
    type: 'count',
    intervals: { minute: { step: 60 } },
    clock: () => NOW,
  });
}

/** A scripting driver whose every exec fails with a Redis error reading `message`. */
function failingDriver(message: string) {
  const calls: Command[][] = [];
  const driver: Driver = {
    cluster: false,
    scripts: true,
    exec: async (commands) => {
      calls.push([...commands]);
      throw new StorageError('Redis command failed', {
        cause: new Error(message),
        command: commands[0]!,
      });
    },
    scan: async function* () {},
  };
  return { driver, calls };
}

describe('a failed write script', () => {
  it('is reported as the command that failed in it', async () => {
    const { driver } = failingDriver('WRONGTYPE Operation (command: INCRBYFLOAT b:minute:1)');
    const error = await minuteCounts(driver)
      .insert('b', 1, { timestamp: 60 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).command).toEqual(['INCRBYFLOAT', 'b:minute:1']);
    expect((error as Error).message).not.toContain('cjson');
  });
});

describe('a server that refuses EVAL', () => {
  const refusals = [
    "NOPERM User metrics has no permissions to run the 'eval' command",
    "ERR unknown command 'EVAL', with args beginning with: ",
    'ERR unknown command `eval`, with args beginning with: ',
  ];

  it.each(refusals)('gets plain commands instead, now and later (%s)', async (refusal) => {
    const counting = countingDriver();
    const refusing = failingDriver(refusal);
    const sent: Command[][] = [];
    const driver: Driver = {
      ...counting.driver,
      scripts: true,
      exec: async (commands) => {
        sent.push([...commands]);
        const run = commands.some((c) => c[0] === 'EVAL') ? refusing.driver : counting.driver;
        return run.exec(commands);
      },
    };
    const t = minuteCounts(driver);
    await t.insert('a', 2, { timestamp: 60 });
    await t.insert('a', 3, { timestamp: 60 });
    expect(await t.get('a', 'minute', { timestamp: 60 })).toEqual(new Map([[60, 5]]));
    // One refused EVAL, then plain commands only.
    expect(sent.map((batch) => batch[0]![0])).toEqual([
      'EVAL',
      'INCRBYFLOAT',
      'INCRBYFLOAT',
      'GET',
    ]);
  });

  it('is not assumed when a command inside the script failed: nothing is sent twice', async () => {
    const { driver, calls } = failingDriver(
      "NOPERM no permissions to run the 'eval' command (command: INCRBYFLOAT a:minute:1)",
    );
    await expect(minuteCounts(driver).insert('a', 1, { timestamp: 60 })).rejects.toBeInstanceOf(
      StorageError,
    );
    expect(calls).toHaveLength(1);
  });
});
