import { type Command, StorageError, Timeseries } from '@kairos/core';
import type { RedisClusterType } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisDriver } from '../src/index';
import { clusterClient, targets, uniquePrefix } from './clients';

/** Kills per write path on the shared cluster (only this file's own connections). */
const KILLS = 30;
const NOW = 1_741_737_600;
const NAMES = 30;
const VALUES = 90;
const intervals = { minute: { step: 60, steps: 60 } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

    /** The id of the victim's connection to each master, by address (asked before the call). */
    async function victimIds(): Promise<Map<string, unknown>> {
      const ids = await Promise.all(
        victim.masters.map(async (master) => {
          const node = await victim.nodeClient(master);
          return [
            `${master.host}:${master.port}`,
            await node.sendCommand(['CLIENT', 'ID']),
          ] as const;
        }),
      );
      return new Map(ids);
    }

    /** Kills those connections (by id: other test files share the cluster). */
    async function kill(ids: Map<string, unknown>): Promise<void> {
      await Promise.all(
        admin.masters.map(async (master) => {
          const id = ids.get(`${master.host}:${master.port}`);
          if (id == null) return;
          const node = await admin.nodeClient(master);
          await node.sendCommand(['CLIENT', 'KILL', 'ID', String(id)]).catch(() => undefined);
        }),
      );
    }

    /** Retries while the cluster client replaces the connections killed last round. */
    async function eventuallyIds(): Promise<Map<string, unknown>> {
      for (let attempt = 0; ; attempt++) {
        try {
          const ids = await victimIds();
          if (ids.size === targets.cluster!.length) return ids;
        } catch (error) {
          if (attempt > 200) throw error;
        }
        if (attempt > 200) throw new Error('the cluster client did not reconnect to every master');
        await sleep(25);
      }
    }

    for (const scripts of [true, false]) {
      it(`${scripts ? 'scripted' : 'plain commands'}: ${KILLS} kills of every master connection during bulk inserts never store a value twice`, async () => {
        const driver = redisDriver(victim, { scripts });
        const check = redisDriver(admin);
        const prefix = uniquePrefix();
        const t = new Timeseries(driver, { type: 'series', prefix, intervals, clock: () => NOW });
        let rejected = 0;
        for (let round = 0; round < KILLS; round++) {
          const names = Array.from({ length: NAMES }, (_, n) => `r${round}n${n}`);
          const byName = Object.fromEntries(
            names.map((name) => [name, Array.from({ length: VALUES }, (_, k) => `v${k}`)]),
          );
          // Connected to every master again (a killed connection is replaced), ids known.
          const ids = await eventuallyIds();
          const call = t.bulkInsert([[NOW, byName]]).then(
            () => true,
            (error: unknown) => error,
          );
          await sleep(round % 7);
          await kill(ids);
          const outcome = await call;
          if (outcome !== true) {
            rejected++;
            expect(outcome).toBeInstanceOf(StorageError);
          }
          const lists = await check.exec(
            names.map(
              (name): Command => ['LRANGE', `${prefix}{${name}}:minute:${NOW / 60}`, 0, -1],
            ),
          );
          for (const list of lists) {
            const values = (list as string[]).map(String);
            expect(new Set(values).size).toBe(values.length);
            if (outcome === true) expect(values.length).toBe(VALUES);
          }
        }
        expect(rejected).toBeGreaterThanOrEqual(1);
      }, 120_000);
    }
  },
);
