import { faultSuite } from '@kairos/test-suite';
import { startServer } from '@kairos-tools/redis-server';
import { Redis } from 'ioredis';
import { describe } from 'vitest';
import { ioredisDriver } from '../src/index';
import { api, targets } from './clients';

// A server of its own: the suite stops and restarts it, which the shared one must not see.
describe.runIf(targets.available)('ioredisDriver', () => {
  faultSuite(api, {
    name: 'ioredis',
    createServer: () => startServer(),
    connect: (server) => {
      const client = new Redis({ host: server.host, port: server.port }); // default settings
      client.on('error', () => {}); // reconnect attempts are expected; failures reach the calls
      return {
        driver: (options) => ioredisDriver(client, options),
        close: () => client.disconnect(),
      };
    },
  });
});
