import { command, type RespValue } from './resp';
import { type RedisServer, type ServerAddress, startServer } from './server';

/** A private 3-master Redis Cluster started by {@link startCluster}. */
export interface RedisCluster {
  /** The masters, in slot order: node 0 serves slots 0–5461, and so on. */
  readonly nodes: readonly ServerAddress[];
  /** The pids of the node processes, in the order of `nodes`. */
  readonly pids: readonly number[];
  /** Kills every node by pid and resolves once all have exited. */
  stop(): Promise<void>;
}

/** Options of {@link startCluster}. */
export interface StartClusterOptions {
  /** How long to wait for every node to report `cluster_state:ok`; default 20 s. */
  readyTimeoutMs?: number;
}

const MASTERS = 3;
const SLOTS = 16_384;

/**
 * Starts a real Redis Cluster of three masters without replicas on free loopback ports,
 * assigns all slots and resolves once every node reports `cluster_state:ok` and all agree
 * on the slot map.
 *
 * @example
 * ```ts
 * const cluster = await startCluster();
 * const client = new Cluster(cluster.nodes);
 * // …
 * await cluster.stop();
 * ```
 */
export async function startCluster(options: StartClusterOptions = {}): Promise<RedisCluster> {
  const servers: RedisServer[] = [];
  const stop = async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
  try {
    const started = await Promise.allSettled(
      Array.from({ length: MASTERS }, () =>
        startServer({
          clusterBus: true,
          // A short node timeout keeps the cluster from waiting long for agreement.
          args: ['--cluster-enabled', 'yes', '--cluster-node-timeout', '2000'],
        }),
      ),
    );
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    await assignSlots(servers);
    await waitUntilAgreed(servers, options.readyTimeoutMs ?? 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    nodes: servers.map(({ host, port }) => ({ host, port })),
    pids: servers.map((server) => server.pid),
    stop,
  };
}

async function assignSlots(servers: readonly RedisServer[]): Promise<void> {
  const per = Math.ceil(SLOTS / servers.length);
  for (const [i, server] of servers.entries()) {
    // Distinct epochs up front spare the cluster its epoch-collision round.
    await admin(server, ['CLUSTER', 'SET-CONFIG-EPOCH', i + 1]);
    const first = i * per;
    const last = Math.min(SLOTS, first + per) - 1;
    await admin(server, ['CLUSTER', 'ADDSLOTSRANGE', first, last]);
  }
  const [first, ...others] = servers;
  for (const other of others) await admin(first!, ['CLUSTER', 'MEET', other.host, other.port]);
}

async function waitUntilAgreed(servers: readonly RedisServer[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let state = '';
  for (;;) {
    const views = await Promise.all(servers.map(nodeView));
    state = views.join(' | ');
    if (views.every((view) => view.startsWith('ok ')) && new Set(views).size === 1) return;
    if (Date.now() > deadline) {
      throw new Error(`cluster not ready within ${timeoutMs} ms: ${state}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `"ok <known nodes> <slot map>"` when the node is ready; any other text otherwise. */
async function nodeView(server: RedisServer): Promise<string> {
  const info = String(await admin(server, ['CLUSTER', 'INFO']));
  const field = (name: string) => new RegExp(`(?:^|\\n)${name}:(\\S+)`).exec(info)?.[1];
  const ready =
    field('cluster_state') === 'ok' &&
    field('cluster_known_nodes') === String(MASTERS) &&
    field('cluster_slots_ok') === String(SLOTS);
  const slots = await admin(server, ['CLUSTER', 'SLOTS']);
  const map = (Array.isArray(slots) ? slots : [])
    .map((range) => (Array.isArray(range) ? `${range[0]}-${range[1]}@${portOf(range[2])}` : ''))
    .sort()
    .join(',');
  return `${ready ? 'ok' : 'waiting'} ${map}`;
}

function portOf(node: RespValue | undefined): string {
  return Array.isArray(node) ? String(node[1]) : '?';
}

async function admin(server: RedisServer, args: readonly (string | number)[]): Promise<RespValue> {
  const reply = await command(server.host, server.port, args);
  if (reply instanceof Error)
    throw new Error(`${args.join(' ')} on ${server.port}: ${reply.message}`);
  return reply;
}
