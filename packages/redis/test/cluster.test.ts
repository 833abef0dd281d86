import { StorageError } from '@kairos/core';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisDriver } from '../src/index';
import { clusterClient, targets, uniquePrefix } from './clients';

function connectNode({ host, port }: { host: string; port: number }) {
  const node = createClient({ url: `redis://${host}:${port}` });
  node.on('error', () => {});
  return node.connect();
}

describe.runIf(targets.available)('redisDriver on a cluster', () => {
  let cluster: Awaited<ReturnType<typeof clusterClient>>;
  let nodes: Awaited<ReturnType<typeof connectNode>>[];
  beforeAll(async () => {
    cluster = await clusterClient();
    nodes = await Promise.all(targets.cluster!.map(connectNode));
  });
  afterAll(() => {
    cluster?.destroy();
    for (const node of nodes ?? []) node.destroy();
  });

  /** The index of the node that holds `key`, asking every node directly. */
  async function holder(key: string): Promise<number[]> {
    const found: number[] = [];
    for (const [i, node] of nodes.entries()) {
      // A node that does not own the slot answers MOVED: only the owner can say EXISTS 1.
      const exists = await node.exists(key).catch(() => 0);
      if (exists === 1) found.push(i);
    }
    return found;
  }

  it('runs a batch across many slots and puts the replies back in order', async () => {
    const driver = redisDriver(cluster);
    const p = uniquePrefix();
    const keys = Array.from({ length: 300 }, (_, i) => `${p}${i}`);
    const writes = await driver.exec(keys.map((key, i) => ['SET', key, `v${i}`]));
    expect(writes).toEqual(keys.map(() => 'OK'));
    const mixed = await driver.exec(
      keys.flatMap((key, i) => [
        ['GET', key],
        ['INCRBY', `${key}:n`, i],
      ]),
    );
    expect(mixed).toEqual(keys.flatMap((_, i) => [`v${i}`, i]));

    const owners = await Promise.all(keys.slice(0, 60).map(holder));
    for (const owner of owners) expect(owner).toHaveLength(1);
    expect(new Set(owners.map((owner) => owner[0])).size).toBe(3);
  });

  it('scans every master and nothing else', async () => {
    const driver = redisDriver(cluster);
    const p = uniquePrefix();
    const keys = Array.from({ length: 60 }, (_, i) => `${p}s${i}`);
    await driver.exec(keys.map((key) => ['SET', key, '1']));
    await driver.exec([['SET', `${p}other`, '1']]);
    const found: string[] = [];
    for await (const key of driver.scan(`${p}s*`)) found.push(key);
    expect(found.sort()).toEqual([...keys].sort());
    const owners = new Set((await Promise.all(keys.map(holder))).map((owner) => owner[0]));
    expect(owners.size).toBe(3);
  });

  it('names the failed command when one slot group fails', async () => {
    const driver = redisDriver(cluster);
    const p = uniquePrefix();
    await driver.exec([['SET', `${p}str`, 'v']]);
    const commands = [
      ...Array.from({ length: 40 }, (_, i) => ['SET', `${p}ok${i}`, '1'] as const),
      ['HINCRBY', `${p}str`, 'f', 1] as const,
    ];
    const error = await driver.exec(commands).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).command).toEqual(['HINCRBY', `${p}str`, 'f', 1]);
    expect((error as StorageError).message).toMatch(/WRONGTYPE/);
  });

  it('rejects a keyless command before sending anything', async () => {
    const driver = redisDriver(cluster);
    const p = uniquePrefix();
    const error = await driver.exec([['SET', `${p}a`, '1'], ['PING']]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).command).toEqual(['PING']);
    expect(await driver.exec([['EXISTS', `${p}a`]])).toEqual([0]);
  });
});
