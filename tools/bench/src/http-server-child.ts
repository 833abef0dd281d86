/**
 * The HTTP figure's server, in a process of its own (as a deployed server would be):
 * `http-server-child.ts <redis port> <prefix>`. Prints one JSON line `{ port }` once listening.
 */
import { createApp, serve } from '@kairos/http';
import { createTimeseries } from '@kairos/ioredis';
import { Redis } from 'ioredis';
import { HTTP_INTERVALS } from './http-data';

const [redisPort, prefix] = process.argv.slice(2);
const redis = new Redis({ port: Number(redisPort), host: '127.0.0.1' });
const requests = createTimeseries(redis, { type: 'count', prefix, intervals: HTTP_INTERVALS });
const server = await serve(createApp({ series: { requests } }), { port: 0, log: null });
console.log(JSON.stringify({ port: server.port }));
process.on('SIGTERM', () => {
  void server
    .close()
    .then(() => redis.quit())
    .then(() => process.exit(0));
});
