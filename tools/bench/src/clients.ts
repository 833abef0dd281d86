import type { Driver } from '@kairos/core';
import { ioredisDriver } from '@kairos/ioredis';
import { redisDriver } from '@kairos/redis';
import { Redis } from 'ioredis';
import { createClient } from 'redis';

/** The client flavours measured. */
export type ClientKind = 'ioredis' | 'ioredis-auto' | 'node-redis';

/** A connected client, its Kairos driver, and a raw pipeline through the same connection. */
export interface BenchClient {
  readonly kind: ClientKind;
  /** Human label for the table. */
  readonly label: string;
  readonly driver: Driver;
  /** Sends the commands as one pipeline with no library in between; rejects on any error. */
  pipeline(commands: readonly (readonly string[])[]): Promise<unknown[]>;
  /**
   * Sends a few commands the way this client batches concurrent small requests: an explicit
   * pipeline (ioredis), or one call each left to the client's own batching (ioredis with
   * auto-pipelining, node-redis, which pipelines the commands of one tick).
   */
  small(commands: readonly (readonly string[])[]): Promise<unknown[]>;
  close(): Promise<void>;
}

/** Labels of the client kinds, as they appear in RESULTS.md. */
export const CLIENT_LABELS: Record<ClientKind, string> = {
  ioredis: 'ioredis',
  'ioredis-auto': 'ioredis (enableAutoPipelining)',
  'node-redis': 'node-redis',
};

/** Connects a client of `kind` to a server on 127.0.0.1:`port`. */
export async function connect(kind: ClientKind, port: number): Promise<BenchClient> {
  if (kind === 'node-redis') return connectNodeRedis(port);
  const client = new Redis({
    host: '127.0.0.1',
    port,
    enableAutoPipelining: kind === 'ioredis-auto',
  });
  await client.ping();
  const pipeline = async (commands: readonly (readonly string[])[]) => {
    const batch = client.pipeline();
    for (const [name, ...args] of commands) batch.call(name!, args);
    const results = (await batch.exec()) ?? [];
    for (const [error] of results) if (error) throw error;
    return results.map(([, value]) => value);
  };
  return {
    kind,
    label: CLIENT_LABELS[kind],
    driver: ioredisDriver(client),
    pipeline,
    small:
      kind === 'ioredis-auto'
        ? (commands) => Promise.all(commands.map(([name, ...args]) => client.call(name!, args)))
        : pipeline,
    async close() {
      await client.quit();
    },
  };
}

async function connectNodeRedis(port: number): Promise<BenchClient> {
  const client = await createClient({ url: `redis://127.0.0.1:${port}` }).connect();
  return {
    kind: 'node-redis',
    label: CLIENT_LABELS['node-redis'],
    driver: redisDriver(client),
    async pipeline(commands) {
      const multi = client.multi();
      for (const command of commands) multi.addCommand(command as string[]);
      return multi.execAsPipeline();
    },
    small: (commands) => Promise.all(commands.map((command) => client.sendCommand([...command]))),
    async close() {
      await client.quit();
    },
  };
}

/**
 * The driver with the optional `scripts` capability on or off, to measure both write
 * paths through the same adapter (the adapters turn it on by default).
 */
export function withScripts(driver: Driver, scripts: boolean): Driver {
  return { ...driver, scripts } as Driver;
}
