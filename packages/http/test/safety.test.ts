import { Timeseries } from '@kairos/core';
import { createTimeseries } from '@kairos/ioredis';
import { startServer } from '@kairos-tools/redis-server';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, serve } from '../src/index';
import { client, json, storedApp, storedSeries, T0_MS, targets } from './fixture';

const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

describe.runIf(targets.available)('safety of the server', () => {
  const redis = targets.available ? client() : undefined;
  afterAll(() => redis?.disconnect());

  describe('a token', () => {
    it.each(['/api/keys', '/api/list/requests', '/grafana'])(
      'is needed for %s: 401 JSON without it, or a wrong one',
      async (path) => {
        const app = await storedApp(redis!, { token: 's3cret' });
        const none = await json(app.request(path));
        expect(none.status).toBe(401);
        expect(none.body.error).toMatch(/a token is required/);
        expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
        const wrong = await json(app.request(path, auth('s3cret-not')));
        expect(wrong).toMatchObject({ status: 401, body: { error: 'wrong token' } });
        expect((await app.request(path, auth('s3cret'))).status).toBe(200);
      },
    );

    it('guards POST /grafana/query too, and not the page, which asks for it', async () => {
      const app = await storedApp(redis!, { token: 's3cret' });
      expect((await app.request('/grafana/query', { method: 'POST', body: '{}' })).status).toBe(
        401,
      );
      const page = await app.request('/');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('id="login"');
    });
  });

  describe('limits', () => {
    it('more names than the limit → 400 naming it', async () => {
      const app = await storedApp(redis!, { limits: { names: 2 } });
      const { status, body } = await json(app.request('/api/series/requests?names=a,b,c'));
      expect(status).toBe(400);
      expect(body).toMatchObject({ limit: 'names', max: 2 });
      expect(body.error).toMatch(/3 names asked: the limit names is 2/);
    });

    it('more points than the limit → 400 naming it, 50 names and 10,000 points by default', async () => {
      const app = await storedApp(redis!);
      const names = Array.from({ length: 51 }, (_, i) => `n${i}`).join(',');
      expect((await json(app.request(`/api/series/requests?names=${names}`))).body).toMatchObject({
        limit: 'names',
        max: 50,
      });
      const day = 86_400_000;
      const { status, body } = await json(
        app.request(
          `/api/series/requests?names=a&interval=minute&from=${T0_MS - 7 * day}&to=${T0_MS}`,
        ),
      );
      expect(status).toBe(400);
      expect(body).toMatchObject({ limit: 'points', max: 10_000 });
      expect(body.error).toMatch(/10081 points asked/);
      // Without an interval, a range no interval can give within the limit.
      expect(
        (
          await json(
            app.request(`/api/series/requests?names=a&from=${T0_MS - 7 * day}&to=${T0_MS}`),
          )
        ).body,
      ).toMatchObject({ limit: 'points' });
    });

    it('each=1 counts the points of every name', async () => {
      const app = await storedApp(redis!, { limits: { points: 5 } });
      const range = `interval=minute&from=${T0_MS}&to=${T0_MS + 2 * 60_000}`;
      expect((await app.request(`/api/series/requests?names=a,b&${range}`)).status).toBe(200);
      expect(
        (await json(app.request(`/api/series/requests?names=a,b&${range}&each=1`))).body,
      ).toMatchObject({ limit: 'points', max: 5 });
    });

    it('a query string over 8 KB, or a body over the limit → 400 naming it', async () => {
      const app = await storedApp(redis!);
      const long = await json(
        app.request(`/api/series/requests?names=a&x=${'y'.repeat(8 * 1024)}`),
      );
      expect(long.status).toBe(400);
      expect(long.body).toMatchObject({ limit: 'queryBytes', max: 8192 });
      const small = await storedApp(redis!, { limits: { bodyBytes: 100 } });
      const body = await json(
        small.request('/grafana/query', {
          method: 'POST',
          body: JSON.stringify({ pad: 'x'.repeat(200) }),
        }),
      );
      expect(body.status).toBe(400);
      expect(body.body).toMatchObject({ limit: 'bodyBytes', max: 100 });
    });
  });

  describe('CORS', () => {
    it('is off by default', async () => {
      const app = await storedApp(redis!);
      const answer = await app.request('/api/keys', {
        headers: { Origin: 'https://grafana.example' },
      });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers the origins of the allow-list only, preflight included', async () => {
      const app = await storedApp(redis!, { cors: ['https://grafana.example'], token: 't' });
      const preflight = await app.request('/api/keys', {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://grafana.example',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://grafana.example');
      const other = await app.request('/api/keys', {
        headers: { Origin: 'https://evil.example', Authorization: 'Bearer t' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('a Redis failure → 503 without internal details; the cause goes to onStorageError', async () => {
    const server = await startServer();
    const lost = new Redis({ host: server.host, port: server.port, maxRetriesPerRequest: 1 });
    lost.on('error', () => {}); // the refused reconnections are expected
    const t = createTimeseries(
      lost,
      { type: 'count', intervals: { minute: { step: 60 } } },
      { timeoutMs: 1000 },
    );
    await t.insert('a');
    const reported: unknown[] = [];
    const app = createApp({ series: { s: t }, onStorageError: (error) => reported.push(error) });
    expect((await app.request('/api/list/s')).status).toBe(200);
    await server.stop();
    try {
      const started = Date.now();
      const { status, body } = await json(
        app.request(`/api/series/s?names=a&interval=minute&from=${T0_MS}&to=${T0_MS}`),
      );
      expect(status).toBe(503);
      expect(body).toEqual({ error: 'storage unavailable' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(reported).toHaveLength(1);
      expect((reported[0] as Error).name).toBe('StorageError');
    } finally {
      lost.disconnect();
    }
  });

  it('a request that takes longer than timeoutMs → 504', async () => {
    const hanging = new Timeseries(
      {
        cluster: false,
        exec: () => new Promise(() => {}),
        scan: async function* () {
          yield* await new Promise<string[]>(() => {});
        },
      },
      { type: 'count', intervals: { minute: { step: 60 } } },
    );
    const app = createApp({ series: { s: hanging }, timeoutMs: 200 });
    const { status, body } = await json(
      app.request(`/api/series/s?names=a&interval=minute&from=${T0_MS}&to=${T0_MS}`),
    );
    expect({ status, body }).toEqual({
      status: 504,
      body: { error: 'the request took longer than 200 ms' },
    });
  });

  it.each([
    [{}, /needs \{ series/],
    [{ series: { a: {} } }, /series\["a"\] is not a Timeseries/],
    [{ series: {}, token: '' }, /token must be a non-empty string/],
    [{ series: {}, limits: { points: 0 } }, /limits.points must be a positive integer/],
  ])('createApp(%j) throws a TypeError', (options, message) => {
    expect(() => createApp(options as never)).toThrow(message);
  });

  describe('serve', () => {
    it('binds 127.0.0.1 by default and says so; answers over real HTTP', async () => {
      const lines: string[] = [];
      const server = await serve(createApp({ series: await storedSeries(redis!) }), {
        port: 0,
        log: (line) => lines.push(line),
      });
      try {
        expect(server.host).toBe('127.0.0.1');
        expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
        expect(lines.join('\n')).toMatch(
          /no token is set; listening on 127.0.0.1 only, so only this machine can connect/,
        );
        const keys = (await (await fetch(`${server.url}api/keys`)).json()) as {
          keys: { key: string }[];
        };
        expect(keys.keys.map((k) => k.key)).toEqual(['requests', 'latency']);
        const page = await fetch(server.url);
        expect(page.headers.get('content-type')).toMatch(/text\/html/);
        expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
        const script = await fetch(`${server.url}assets/app.js`);
        expect(script.status).toBe(200);
        expect((await script.text()).length).toBeGreaterThan(30_000); // uPlot is in the bundle
        expect((await fetch(`${server.url}assets/secret.txt`)).status).toBe(404);
      } finally {
        await server.close();
      }
    });

    it('warns when it listens beyond loopback without a token', async () => {
      const lines: string[] = [];
      const server = await serve(createApp({ series: {} }), {
        port: 0,
        host: '0.0.0.0',
        log: (line) => lines.push(line),
      });
      await server.close();
      expect(lines.join('\n')).toMatch(
        /WARNING: no token is set and listening on 0.0.0.0: anyone who can reach this port/,
      );
    });

    it('rejects when the port is taken', async () => {
      const first = await serve(createApp({ series: {} }), { port: 0, log: null });
      try {
        await expect(
          serve(createApp({ series: {} }), { port: first.port, log: null }),
        ).rejects.toThrow(/EADDRINUSE/);
      } finally {
        await first.close();
      }
    });
  });
});
