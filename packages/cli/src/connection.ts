import { Cluster, type ClusterNode, Redis, type RedisOptions } from 'ioredis';
import type { RedisTarget } from './config/types';

/** Used when neither the flags, the environment nor the configuration name a server. */
export const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

/** Reconnection attempts before a command gives up: a CLI fails fast rather than waits. */
const RETRIES = 2;
const CONNECT_TIMEOUT_MS = 3000;

/** An open client and how to name it in messages. */
export interface Connection {
  readonly client: Redis | Cluster;
  /** The server (or first cluster node) as `host:port`, without credentials. */
  readonly label: string;
  /** The last connection error seen, the true cause when commands then fail. */
  lastError(): Error | undefined;
  /** Closes the connection; pending replies have all been awaited by then. */
  close(): void;
}

/**
 * The Redis target in force: `--redis`, else `REDIS_URL`, else the configuration's `redis`,
 * else the local default.
 */
export function redisTarget(
  flag: string | undefined,
  configured: RedisTarget | undefined,
  env: NodeJS.ProcessEnv = process.env,
): RedisTarget {
  return flag ?? (env.REDIS_URL || undefined) ?? configured ?? DEFAULT_REDIS;
}

/** Opens a client on a standalone URL or a cluster, retrying a connection only briefly. */
export function connect(target: RedisTarget): Connection {
  let last: Error | undefined;
  const retryStrategy = (times: number) => (times > RETRIES ? null : 100 * times);
  const client =
    typeof target === 'string'
      ? new Redis(target, { retryStrategy, connectTimeout: CONNECT_TIMEOUT_MS })
      : new Cluster(target.cluster.map(clusterNode), {
          clusterRetryStrategy: retryStrategy,
          redisOptions: { ...credentials(target.cluster[0]!), connectTimeout: CONNECT_TIMEOUT_MS },
        });
  // Without a listener ioredis prints each failed attempt; the cause is reported once instead.
  client.on('error', (error: Error) => {
    last = error;
  });
  const label = typeof target === 'string' ? hostOf(target) : hostOf(target.cluster[0]!);
  return {
    client,
    label: typeof target === 'string' ? label : `cluster ${label}`,
    lastError: () => last,
    close: () => client.disconnect(),
  };
}

function clusterNode(url: string): ClusterNode {
  const { hostname, port } = new URL(url);
  return { host: hostname, port: Number(port || 6379) };
}

function credentials(url: string): Partial<RedisOptions> {
  const { username, password, protocol } = new URL(url);
  return {
    ...(username ? { username: decodeURIComponent(username) } : {}),
    ...(password ? { password: decodeURIComponent(password) } : {}),
    ...(protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

function hostOf(url: string): string {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || 6379}`;
}
