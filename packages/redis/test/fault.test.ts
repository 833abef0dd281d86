import { faultSuite } from '@kairos/test-suite';
import { startServer } from '@kairos-tools/redis-server';
import { createClient } from 'redis';
import { describe } from 'vitest';
import { redisDriver } from '../src/index';
import { api, targets } from './clients';

// A server of its own: the suite stops and restarts it, which the shared one must not see.
describe.runIf(targets.available)('redisDriver', () => {
  faultSuite(api, {
    name: 'node-redis',
    createServer: () => startServer(),
    connect: async (server) => {
      const client = createClient({ url: server.url }); // default settings
      client.on('error', () => {}); // reconnect attempts are expected; failures reach the calls
      await client.connect();
      return {
        driver: (options) => redisDriver(client, options),
        close: () => {
          client.destroy();
        },
      };
    },
  });
});
