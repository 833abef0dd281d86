import { type Command, type Driver, StorageError, Timeseries } from '@kairos/core';

/** What the kill loop needs of one client library's cluster client (the victim). */
export interface ClusterVictim {
  /** A driver over the victim client, on the write path under test. */
  readonly driver: Driver;
  /** A driver over another client, for reading back. */
  readonly check: Driver;
  /** How many masters the victim should be connected to. */
  readonly masters: number;
  /** Optional: answers once the victim can reach the cluster again (before asking ids). */
  ping?(): Promise<unknown>;
  /** The id of the victim's connection to each master, by `host:port`. */
  connectionIds(): Promise<Map<string, unknown>>;
  /** Kills those connections by id, from the other client (other tests share the cluster). */
  kill(ids: Map<string, unknown>): Promise<void>;
}

const NOW = 1_741_737_600;
const NAMES = 30;
const VALUES = 90;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `rounds` bulk inserts of NAMES × VALUES distinct values, each with every master connection
 * of the victim killed 0–6 ms after it starts. Throws when a value is stored twice, when a
 * call that resolved did not write everything, or when a call rejects with anything but a
 * StorageError; resolves the number of calls that rejected (so a test can check the kills
 * really hit calls in flight).
 */
export async function killDuringBulkInserts(
  victim: ClusterVictim,
  prefix: string,
  rounds: number,
): Promise<number> {
  const intervals = { minute: { step: 60, steps: 60 } };
  const t = new Timeseries(victim.driver, { type: 'series', prefix, intervals, clock: () => NOW });
  let rejected = 0;
  for (let round = 0; round < rounds; round++) {
    const names = Array.from({ length: NAMES }, (_, n) => `r${round}n${n}`);
    const byName = Object.fromEntries(
      names.map((name) => [name, Array.from({ length: VALUES }, (_, k) => `v${k}`)]),
    );
    const ids = await reconnected(victim);
    const call = t.bulkInsert([[NOW, byName]]).then(
      () => true,
      (error: unknown) => error,
    );
    await sleep(round % 7);
    await victim.kill(ids);
    const outcome = await call;
    if (outcome !== true) {
      rejected++;
      if (!(outcome instanceof StorageError)) throw outcome;
    }
    const lists = await victim.check.exec(
      names.map((name): Command => ['LRANGE', `${prefix}{${name}}:minute:${NOW / 60}`, 0, -1]),
    );
    lists.forEach((list, n) => {
      const values = (list as string[]).map(String);
      if (new Set(values).size !== values.length) {
        throw new Error(`round ${round}: ${names[n]} holds a value twice (${values.length})`);
      }
      if (outcome === true && values.length !== VALUES) {
        throw new Error(`round ${round}: the call resolved but ${names[n]} has ${values.length}`);
      }
    });
  }
  return rejected;
}

/** The victim's connection ids once it is connected to every master again. */
async function reconnected(victim: ClusterVictim): Promise<Map<string, unknown>> {
  for (let attempt = 0; ; attempt++) {
    try {
      await victim.ping?.();
      const ids = await victim.connectionIds();
      if (ids.size === victim.masters) return ids;
    } catch (error) {
      if (attempt > 200) throw error;
    }
    if (attempt > 200) throw new Error('the cluster client did not reconnect to every master');
    await sleep(25);
  }
}
