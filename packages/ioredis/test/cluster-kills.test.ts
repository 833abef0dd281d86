import { killDuringBulkInserts } from '@kairos-tools/redis-server/cluster-kills';
import type { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ioredisDriver } from '../src/index';
import { clusterClient, targets, uniquePrefix } from './clients';

/** Kills per write path on the shared cluster (only this file's own connections). */
const KILLS = 30;

describe.runIf(targets.available)('ioredis cluster: writes land once through CLIENT KILL', () => {
  let victim: Cluster;
  let admin: Cluster;
  beforeAll(() => {
    victim = clusterClient();
    admin = clusterClient();
    for (const client of [victim, admin]) client.on('error', () => {});
  });
  afterAll(() => {
    victim.disconnect();
    admin.disconnect();
  });

  const address = (node: Redis) => `${node.options.host}:${node.options.port}`;

  for (const scripts of [true, false]) {
    it(`${scripts ? 'scripted' : 'plain commands'}: ${KILLS} kills of every master connection during bulk inserts never store a value twice`, async () => {
      const rejected = await killDuringBulkInserts(
        {
          driver: ioredisDriver(victim, { scripts }),
          check: ioredisDriver(admin),
          masters: targets.cluster!.length,
          ping: () => victim.ping(),
          connectionIds: async () =>
            new Map(
              await Promise.all(
                victim
                  .nodes('master')
                  .map(async (node) => [address(node), await node.call('CLIENT', 'ID')] as const),
              ),
            ),
          kill: async (ids) => {
            await Promise.all(
              admin.nodes('master').map((node) => {
                const id = ids.get(address(node));
                return id == null
                  ? undefined
                  : node.call('CLIENT', 'KILL', 'ID', String(id)).catch(() => undefined);
              }),
            );
          },
        },
        uniquePrefix(),
        KILLS,
      );
      expect(rejected).toBeGreaterThanOrEqual(1);
    }, 120_000);
  }
});
