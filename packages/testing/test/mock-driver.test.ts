import { StorageError } from '@kairos/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type MockDriver, manualClock, mockDriver } from '../src';
import { FAILURE_CASES } from './support/redis-cases';

const drivers: MockDriver[] = [];
function fresh(options?: Parameters<typeof mockDriver>[0]): MockDriver {
  const driver = mockDriver(options);
  drivers.push(driver);
  return driver;
}
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.close()));
});

async function keysOf(driver: MockDriver, match = '*'): Promise<string[]> {
  const found: string[] = [];
  for await (const key of driver.scan(match)) found.push(key);
  return found.sort();
}

describe('mockDriver: isolation and shape', () => {
  it('is not a cluster', () => {
    expect(fresh().cluster).toBe(false);
  });

  it('gives every call its own store', async () => {
    const a = fresh();
    const b = fresh();
    await a.exec([['SET', 'k', 'a']]);
    expect(await b.exec([['GET', 'k']])).toEqual([null]);
    expect(await a.exec([['GET', 'k']])).toEqual(['a']);
  });

  it('answers in raw RESP shapes, in order', async () => {
    const d = fresh();
    const replies = await d.exec([
      ['RPUSH', 'l', 'a', 2],
      ['LRANGE', 'l', 0, -1],
      ['SADD', 's', 'x', 'y', 'x'],
      ['SMEMBERS', 's'],
      ['HINCRBY', 'h', 'f', 3],
      ['HINCRBY', 'h', 'g', -1],
      ['HGETALL', 'h'],
      ['HGETALL', 'missing'],
      ['INCRBY', 'c', 5],
      ['INCRBYFLOAT', 'c', '0.5'],
      ['SET', 'g', 7],
      ['GET', 'g'],
      ['GET', 'missing'],
      ['EXPIRE', 'g', 100],
      ['TTL', 'g'],
      ['TTL', 'l'],
      ['TTL', 'missing'],
      ['DEL', 'l', 'missing'],
      ['UNLINK', 's'],
    ]);
    expect(replies[0]).toBe(2);
    expect(replies[1]).toEqual(['a', '2']);
    expect(replies[2]).toBe(2);
    expect([...(replies[3] as string[])].sort()).toEqual(['x', 'y']);
    expect(replies.slice(4, 6)).toEqual([3, -1]);
    expect(replies[6]).toEqual(['f', '3', 'g', '-1']);
    expect(replies[7]).toEqual([]);
    expect(replies.slice(8)).toEqual([5, '5.5', 'OK', '7', null, 1, 100, -1, -2, 1, 1]);
  });

  it('resolves an empty batch to no replies', async () => {
    expect(await fresh().exec([])).toEqual([]);
  });
});

describe('mockDriver: failures like real Redis', () => {
  it.each(FAILURE_CASES)(
    '%s rejects with StorageError naming the command',
    async (_label, commands, pattern) => {
      const d = fresh();
      const failed = commands[commands.length - 1]!;
      const error = await d.exec(commands).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StorageError);
      const storageError = error as StorageError;
      expect(storageError.command).toEqual(failed);
      expect(storageError.message).toContain(String(failed[0]));
      expect(storageError.cause).toBeInstanceOf(Error);
      expect((storageError.cause as Error).message).toMatch(pattern);
    },
  );

  it('runs the other commands of the pipeline, as Redis does', async () => {
    const d = fresh();
    await d
      .exec([
        ['SET', 'k', 'abc'],
        ['INCRBY', 'k', 1],
        ['SET', 'after', 'yes'],
      ])
      .catch(() => undefined);
    expect(
      await d.exec([
        ['GET', 'k'],
        ['GET', 'after'],
      ]),
    ).toEqual(['abc', 'yes']);
  });

  it('leaves a key of the wrong type untouched', async () => {
    const d = fresh();
    await d
      .exec([
        ['RPUSH', 'k', 'a'],
        ['HINCRBY', 'k', 'f', 1],
      ])
      .catch(() => undefined);
    expect(await d.exec([['LRANGE', 'k', 0, -1]])).toEqual([['a']]);
  });

  it('rejects after close', async () => {
    const d = mockDriver();
    await d.close();
    await expect(d.exec([['GET', 'k']])).rejects.toBeInstanceOf(StorageError);
    await expect(keysOf(d)).rejects.toBeInstanceOf(StorageError);
  });
});

describe('mockDriver: scan', () => {
  it('matches escaped glob characters literally', async () => {
    const d = fresh();
    const names = ['a*b', 'a?b', 'a[b', 'a]b', 'a\\b', 'axb', 'ab', 'axxb'];
    await d.exec(names.map((k) => ['SET', k, '1'] as const));
    expect(await keysOf(d, 'a\\*b')).toEqual(['a*b']);
    expect(await keysOf(d, 'a\\?b')).toEqual(['a?b']);
    expect(await keysOf(d, 'a\\[b')).toEqual(['a[b']);
    expect(await keysOf(d, 'a\\]b')).toEqual(['a]b']);
    expect(await keysOf(d, 'a\\\\b')).toEqual(['a\\b']);
    expect(await keysOf(d, 'a?b')).toEqual(['a*b', 'a?b', 'a[b', 'a\\b', 'a]b', 'axb'].sort());
    expect(await keysOf(d, 'a*b')).toEqual([...names].sort());
    expect(await keysOf(d, 'a[xy]b')).toEqual(['axb']);
    expect(await keysOf(d, 'a[^x]b')).toEqual(['a*b', 'a?b', 'a[b', 'a\\b', 'a]b'].sort());
    expect(await keysOf(d, 'a[a-z]b')).toEqual(['axb']);
  });

  it('returns every key even when keys are deleted while scanning', async () => {
    const d = fresh();
    const all = Array.from({ length: 250 }, (_, i) => `k:${i}`);
    await d.exec(all.map((k) => ['SET', k, '1'] as const));
    const seen: string[] = [];
    for await (const key of d.scan('k:*')) {
      seen.push(key);
      await d.exec([['DEL', key]]);
    }
    expect(seen.sort()).toEqual([...all].sort());
    expect(await keysOf(d)).toEqual([]);
  });

  it('does not list expired keys', async () => {
    const d = fresh();
    await d.exec([
      ['SET', 'gone', '1'],
      ['EXPIRE', 'gone', 0],
      ['SET', 'kept', '1'],
    ]);
    expect(await keysOf(d)).toEqual(['kept']);
  });
});

describe('mockDriver: expiry', () => {
  it('expires keys by the system time, so fake timers move expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const d = fresh();
      await d.exec([
        ['SET', 'k', 'v'],
        ['EXPIRE', 'k', 10],
      ]);
      vi.setSystemTime(Date.now() + 9_000);
      expect(
        await d.exec([
          ['TTL', 'k'],
          ['GET', 'k'],
        ]),
      ).toEqual([1, 'v']);
      vi.setSystemTime(Date.now() + 1_000);
      expect(
        await d.exec([
          ['TTL', 'k'],
          ['GET', 'k'],
        ]),
      ).toEqual([-2, null]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('mockDriver: expiry by a given clock', () => {
  it('expires keys when the manual clock reaches their TTL, not by the system time', async () => {
    const clock = manualClock(1_000);
    const d = fresh({ clock });
    expect(d.clock).toBe(clock);
    await d.exec([
      ['RPUSH', 'l', 'a'],
      ['EXPIRE', 'l', 30],
      ['SET', 'g', '1'],
      ['EXPIRE', 'missing', 30],
    ]);
    expect(await d.ttl('l')).toBe(30);
    expect(await d.ttl('g')).toBe(-1);
    expect(await d.ttl('missing')).toBe(-2);
    clock.advance(29);
    expect(await d.exec([['LRANGE', 'l', 0, -1]])).toEqual([['a']]);
    expect(await d.keys()).toEqual(['g', 'l']);
    clock.advance(1);
    expect(await d.exec([['LRANGE', 'l', 0, -1]])).toEqual([[]]);
    expect(await d.keys()).toEqual(['g']);
    expect(await d.ttl('l')).toBe(-2);
  });

  it('answers PEXPIRE and PTTL in milliseconds by the same clock', async () => {
    const clock = manualClock(1_000);
    const d = fresh({ clock });
    expect(
      await d.exec([
        ['RPUSH', 'l', 'a'],
        ['PEXPIRE', 'l', 2_500],
        ['PTTL', 'l'],
        ['PTTL', 'missing'],
        ['PEXPIRE', 'missing', 10],
      ]),
    ).toEqual([1, 1, 2_500, -2, 0]);
    clock.advance(2);
    expect(await d.exec([['PTTL', 'l']])).toEqual([500]);
    expect(await d.ttl('l')).toBe(1);
    clock.advance(0.5);
    expect(await d.keys()).toEqual([]);
  });

  it('forgets a TTL on SET, DEL and PERSIST, as Redis does', async () => {
    const clock = manualClock(0);
    const d = fresh({ clock });
    await d.exec([
      ['SET', 'a', '1'],
      ['EXPIRE', 'a', 10],
      ['SET', 'a', '2'],
      ['SET', 'b', '1'],
      ['EXPIRE', 'b', 10],
      ['DEL', 'b'],
      ['SET', 'b', '2'],
      ['SET', 'c', '1'],
      ['EXPIRE', 'c', 10],
    ]);
    expect(
      await d.exec([
        ['PERSIST', 'c'],
        ['PERSIST', 'c'],
      ]),
    ).toEqual([1, 0]);
    clock.advance(60);
    expect(await d.keys()).toEqual(['a', 'b', 'c']);
    expect(await d.ttl('a')).toBe(-1);
  });

  it('deletes a key given a TTL of zero or less at once', async () => {
    const d = fresh({ clock: manualClock(0) });
    expect(
      await d.exec([
        ['SET', 'k', '1'],
        ['EXPIRE', 'k', -5],
        ['GET', 'k'],
      ]),
    ).toEqual(['OK', 1, null]);
  });

  it('lists keys by glob, sorted', async () => {
    const d = fresh();
    await d.exec([
      ['SET', 'b:1', 'x'],
      ['SET', 'a:1', 'x'],
      ['SET', 'c', 'x'],
    ]);
    expect(await d.keys('?:1')).toEqual(['a:1', 'b:1']);
    expect(await d.keys()).toEqual(['a:1', 'b:1', 'c']);
  });
});
