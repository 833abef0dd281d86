import { type Command, type Driver, StorageError } from '@kairos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisDriver } from '../src/index';
import { clusterClient, standaloneClient, targets, uniquePrefix } from './clients';

const kinds = [
  ['standalone', standaloneClient],
  ['cluster', clusterClient],
] as const;

describe.runIf(targets.available).each(kinds)('redisDriver on %s', (kind, connect) => {
  let client: Awaited<ReturnType<typeof connect>>;
  let driver: Driver;
  beforeAll(async () => {
    client = await connect();
    driver = redisDriver(client);
  });
  afterAll(() => client?.destroy());

  it('reports whether it is a cluster', () => {
    expect(driver.cluster).toBe(kind === 'cluster');
  });

  it('returns replies in order and in raw RESP shape', async () => {
    // One hash tag keeps every key in one slot, so this batch also runs on a cluster.
    const k = `{${uniquePrefix()}}`;
    const replies = await driver.exec([
      ['RPUSH', `${k}list`, 'a', 'b', 3],
      ['HSET', `${k}hash`, 'f', '1', '2', 'two'],
      ['SADD', `${k}set`, 'x'],
      ['INCRBYFLOAT', `${k}float`, 1.5],
      ['LRANGE', `${k}list`, 0, -1],
      ['hgetall', `${k}hash`],
      ['GET', `${k}missing`],
      ['SMEMBERS', `${k}set`],
      ['INCRBYFLOAT', `${k}float`, '0.25'],
      ['INCRBY', `${k}count`, 2],
      ['HGET', `${k}hash`, 'nope'],
    ]);
    expect(replies).toEqual([
      3,
      2,
      1,
      '1.5',
      ['a', 'b', '3'],
      ['f', '1', '2', 'two'],
      null,
      ['x'],
      '1.75',
      2,
      null,
    ]);
  });

  it('resolves an empty batch without a round trip', async () => {
    expect(await driver.exec([])).toEqual([]);
  });

  it('rejects a WRONGTYPE failure with a StorageError naming the command, after the others ran', async () => {
    const k = `{${uniquePrefix()}}`;
    const bad: Command = ['RPUSH', `${k}str`, 'x'];
    const error = await driver
      .exec([['SET', `${k}str`, 'v'], bad, ['SET', `${k}after`, 'w']])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).command).toEqual(bad);
    expect((error as StorageError).message).toMatch(/WRONGTYPE[\s\S]*RPUSH/);
    expect(((error as StorageError).cause as Error).message).toMatch(/WRONGTYPE/);
    // A pipeline is not a transaction: the command after the failure was applied.
    expect(await driver.exec([['GET', `${k}after`]])).toEqual(['w']);
  });

  it('scans with a glob and finds exactly the matching keys', async () => {
    const p = uniquePrefix();
    const names = Array.from({ length: 150 }, (_, i) => `${p}k${i}`);
    await driver.exec(names.map((name) => ['SET', name, '1'] as const).slice(0, 1));
    // Spread over many slots on a cluster: one command per key so any slot works.
    for (const name of names.slice(1)) await driver.exec([['SET', name, '1']]);
    await driver.exec([['SET', `${p.slice(0, -1)}-other`, '1']]);
    const found: string[] = [];
    for await (const key of driver.scan(`${p}k*`)) found.push(key);
    expect([...new Set(found)].sort()).toEqual([...names].sort());
  });
});
