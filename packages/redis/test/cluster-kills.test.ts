import { killDuringBulkInserts } from '@kairos-tools/redis-server/cluster-kills';
import type { RedisClusterType } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisDriver } from '../src/index';
import { clusterClient, targets, uniquePrefix } from './clients';

/** Kills per write path on the shared cluster (only this file's own connections). */
const KILLS = 30;

describe.runIf(targets.available)(
  'node-redis cluster: writes land once through CLIENT KILL',
  () => {
    let victim: RedisClusterType;
    let admin: RedisClusterType;
    beforeAll(async () => {
      victim = await clusterClient();
      admin = await clusterClient();
    });
    afterAll(() => {
      victim.destroy();
      admin.destroy();
    });

    for (const scripts of [true, false]) {
      it(`${scripts ? 'scripted' : 'plain commands'}: ${KILLS} kills of every master connection during bulk inserts never store a value twice`, async () => {
        const rejected = await killDuringBulkInserts(
          {
            driver: redisDriver(victim, { scripts }),
            check: redisDriver(admin),
            masters: targets.cluster!.length,
            connectionIds: async () =>
              new Map(
                await Promise.all(
                  victim.masters.map(async (master) => {
                    const node = await victim.nodeClient(master);
                    const id = await node.sendCommand(['CLIENT', 'ID']);
                    return [`${master.host}:${master.port}`, id] as const;
                  }),
                ),
              ),
            kill: async (ids) => {
              await Promise.all(
                admin.masters.map(async (master) => {
                  const id = ids.get(`${master.host}:${master.port}`);
                  if (id == null) return;
                  const node = await admin.nodeClient(master);
                  await node
                    .sendCommand(['CLIENT', 'KILL', 'ID', String(id)])
                    .catch(() => undefined);
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
  },
);
