import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, type RedisCluster, startCluster, useRealRedis } from '../src/index';
import { alive } from './helpers';

describe.runIf(useRealRedis('tools/redis cluster'))('startCluster', () => {
  let cluster: RedisCluster;
  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('has three masters that all report cluster_state:ok', async () => {
    expect(cluster.nodes).toHaveLength(3);
    for (const node of cluster.nodes) {
      const info = String(await command(node.host, node.port, ['CLUSTER', 'INFO']));
      expect(info).toContain('cluster_state:ok');
      expect(info).toContain('cluster_known_nodes:3');
      expect(info).toContain('cluster_slots_assigned:16384');
    }
  });

  it('puts keys of different slots on different nodes', async () => {
    const client = new Cluster(cluster.nodes.map(({ host, port }) => ({ host, port })));
    try {
      // Slots 0–5461, 5462–10923 and 10924–16383 belong to nodes 0, 1 and 2.
      const [first] = cluster.nodes;
      const ownerOf = async (key: string) =>
        Math.floor(
          Number(await command(first!.host, first!.port, ['CLUSTER', 'KEYSLOT', key])) / 5462,
        );
      const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
      for (const key of keys) await client.set(key, key);
      const owners = await Promise.all(keys.map(ownerOf));
      for (const [i, node] of cluster.nodes.entries()) {
        const [, onNode] = (await command(node.host, node.port, ['SCAN', 0, 'COUNT', 1000])) as [
          string,
          string[],
        ];
        const expected = keys.filter((_, k) => owners[k] === i);
        expect(onNode.sort(), `keys on node ${i}`).toEqual(expected);
      }
      expect(new Set(owners).size).toBe(3);
    } finally {
      client.disconnect();
    }
  });

  it('stops every node by pid', async () => {
    const other = await startCluster();
    const pids = other.pids;
    expect(pids.every(alive)).toBe(true);
    await other.stop();
    expect(pids.some(alive)).toBe(false);
  });
});
