/**
 * Stands in for the `ioredis` package when the README blocks run: the clients connect
 * nowhere, and `@kairos/ioredis` (also replaced, see kairos-ioredis.ts) stores their data
 * in memory.
 */
import { closeStore } from './store';

export class Redis {
  readonly isCluster: boolean = false;
  status = 'ready';
  async quit(): Promise<'OK'> {
    this.status = 'end';
    await closeStore(this);
    return 'OK';
  }
  disconnect(): void {
    void this.quit();
  }
}

export class Cluster extends Redis {
  override readonly isCluster: boolean = true;
}

export default Redis;
