import type { Driver } from '@kairos/core';
import { type MockDriver, mockDriver } from '@kairos/testing';

/**
 * One in-memory store per client object, as a Redis server is one store per connection
 * target: two Timeseries built on the same client see the same data.
 */
const stores = new WeakMap<object, MockDriver>();

/** The mock store behind a stand-in client; a cluster client gets a cluster driver. */
export function driverFor(client: object, cluster: boolean): Driver {
  let store = stores.get(client);
  if (!store) {
    store = mockDriver();
    stores.set(client, store);
  }
  const { exec, scan } = store;
  return { cluster, exec, scan };
}

/** Empties and closes the store of a client (its `quit()`). */
export async function closeStore(client: object): Promise<void> {
  await stores.get(client)?.close();
  stores.delete(client);
}
