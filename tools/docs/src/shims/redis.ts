/**
 * Stands in for the `redis` (node-redis) package when the README blocks run: the clients
 * connect nowhere, and `@kairos/redis` (also replaced) stores their data in memory.
 */
import { closeStore } from './store';

class Client {
  readonly isCluster: boolean;
  isOpen = false;
  constructor(cluster: boolean) {
    this.isCluster = cluster;
  }
  on(_event: string, _listener: unknown): this {
    return this;
  }
  async connect(): Promise<this> {
    this.isOpen = true;
    return this;
  }
  async close(): Promise<void> {
    this.isOpen = false;
    await closeStore(this);
  }
  quit(): Promise<void> {
    return this.close();
  }
  destroy(): void {
    void this.close();
  }
}

export function createClient(_options?: unknown): Client {
  return new Client(false);
}

export function createCluster(_options?: unknown): Client {
  return new Client(true);
}
