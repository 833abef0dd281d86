import { createServer } from 'node:net';

/** The offset Redis Cluster adds to a node's port for its cluster bus. */
export const CLUSTER_BUS_OFFSET = 10_000;

/**
 * Finds a free TCP port on 127.0.0.1. With `clusterBus`, the port 10000 above it must be
 * free too, since a cluster node listens there as well.
 *
 * The port is only free when checked: callers retry when the server then fails to bind.
 */
export async function freePort(options: { clusterBus?: boolean } = {}): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await listenOnce(0);
    if (!options.clusterBus) return port;
    if (port + CLUSTER_BUS_OFFSET > 65_535) continue;
    if (await isFree(port + CLUSTER_BUS_OFFSET)) return port;
  }
  throw new Error('no free loopback port found');
}

async function isFree(port: number): Promise<boolean> {
  try {
    await listenOnce(port);
    return true;
  } catch {
    return false;
  }
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}
