import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/index';
import { client, json, storedApp, storedSeries, T0_MS, targets, uniquePrefix } from './fixture';

const MINUTE = 60_000;

describe.runIf(targets.available)('the JSON API on a real redis-server', () => {
  const redis = targets.available ? client() : undefined;
  let app: Hono;
  beforeAll(async () => {
    app = await storedApp(redis!);
  });
  afterAll(() => redis?.disconnect());
  const get = (path: string) => json(app.request(path));

  it('GET /api/keys lists each key with its type and intervals', async () => {
    const { status, body } = await get('/api/keys');
    expect(status).toBe(200);
    expect(
      body.keys.map((k: { key: string; type: string; intervals: string[] }) => [
        k.key,
        k.type,
        k.intervals,
      ]),
    ).toEqual([
      ['requests', 'count', ['minute', 'hour']],
      ['latency', 'series', ['minute', 'hour']],
    ]);
    expect(body.keys[0].intervalInfo[1]).toMatchObject({
      name: 'hour',
      step: 3600,
      resolution: 60,
      coarse: false,
    });
  });

  it('GET /api/list/:key lists the names with data', async () => {
    expect(await get('/api/list/requests')).toMatchObject({
      status: 200,
      body: { names: ['a', 'b'] },
    });
  });

  it('GET /api/info/:key/:name gives the first and last bucket of each interval in ms', async () => {
    const { status, body } = await get('/api/info/requests/a');
    expect(status).toBe(200);
    expect(body).toEqual({
      minute: { first: T0_MS, last: T0_MS + 2 * MINUTE },
      hour: { first: T0_MS, last: T0_MS },
    });
  });

  it('GET /api/series joins the names by default', async () => {
    const to = T0_MS + 3 * MINUTE - 1;
    const { status, body } = await get(
      `/api/series/requests?names=a,b&interval=minute&from=${T0_MS}&to=${to}`,
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      interval: 'minute',
      rows: [
        { time: T0_MS, value: 11 },
        { time: T0_MS + MINUTE, value: 2 },
        { time: T0_MS + 2 * MINUTE, value: 23 },
      ],
    });
  });

  it('GET /api/series with each=1 gives one row per name and time', async () => {
    const to = T0_MS + 2 * MINUTE - 1;
    const { body } = await get(
      `/api/series/requests?names=a,b&interval=minute&from=${T0_MS}&to=${to}&each=1`,
    );
    expect(body.rows).toEqual([
      { time: T0_MS, name: 'a', value: 1 },
      { time: T0_MS, name: 'b', value: 10 },
      { time: T0_MS + MINUTE, name: 'a', value: 2 },
      { time: T0_MS + MINUTE, name: 'b', value: 0 },
    ]);
  });

  it('GET /api/series applies a transform, and gives raw values as JSON without one', async () => {
    const range = `from=${T0_MS}&to=${T0_MS + 2 * MINUTE - 1}`;
    const mean = await get(`/api/series/latency?names=api&interval=minute&${range}&transform=mean`);
    expect(mean.body.rows).toEqual([
      { time: T0_MS, value: 20 },
      { time: T0_MS + MINUTE, value: 20 },
    ]);
    const raw = await get(`/api/series/latency?names=api&interval=minute&${range}`);
    expect(raw.body.rows).toEqual([
      { time: T0_MS, value: [10, 30] },
      { time: T0_MS + MINUTE, value: [20] },
    ]);
  });

  it('GET /api/series without a range reads the default: the buckets ending now, or at `to`', async () => {
    // `minute` keeps no `steps`: one bucket, the current minute (empty: a count of 0).
    const now = await get('/api/series/requests?names=a&interval=minute');
    expect(now.body.rows).toHaveLength(1);
    expect(now.body.rows[0].value).toBe(0);
    expect(Math.abs(now.body.rows[0].time - Date.now())).toBeLessThan(2 * MINUTE);
    const atTo = await get(`/api/series/requests?names=a&interval=minute&to=${T0_MS + MINUTE + 5}`);
    expect(atTo.body.rows).toEqual([{ time: T0_MS + MINUTE, value: 2 }]);
  });

  it('GET /api/series flattens a fine interval to its resolution rows within the range', async () => {
    const { body } = await get(
      `/api/series/requests?names=a&interval=hour&from=${T0_MS + MINUTE}&to=${T0_MS + 10 * MINUTE}`,
    );
    expect(body).toEqual({
      interval: 'hour',
      rows: [
        { time: T0_MS + MINUTE, value: 2 },
        { time: T0_MS + 2 * MINUTE, value: 3 },
      ],
    });
  });

  it('GET /api/series fill gives every row of the range, gaps filled', async () => {
    const base = `/api/series/latency?names=api&interval=hour&transform=max&from=${T0_MS}&to=${T0_MS + 3 * MINUTE}`;
    expect((await get(`${base}&fill=0`)).body.rows.map((r: { value: unknown }) => r.value)).toEqual(
      [30, 20, 0, 0],
    );
    expect(
      (await get(`${base}&fill=previous`)).body.rows.map((r: { value: unknown }) => r.value),
    ).toEqual([30, 20, 20, 20]);
    expect(
      (await get(`${base}&fill=null`)).body.rows.map((r: { value: unknown }) => r.value),
    ).toEqual([30, 20, null, null]);
    expect((await get(`${base}&fill=x`)).status).toBe(400);
  });

  it('GET /api/series by filter gives one row per matched name and time', async () => {
    const range = `interval=minute&from=${T0_MS}&to=${T0_MS + 2 * MINUTE - 1}`;
    const { status, body } = await get(`/api/series/requests?filter=service%3Dapi&${range}`);
    expect(status).toBe(200);
    expect(body.rows).toEqual([
      { time: T0_MS, name: 'a', value: 1 },
      { time: T0_MS, name: 'b', value: 10 },
      { time: T0_MS + MINUTE, name: 'a', value: 2 },
      { time: T0_MS + MINUTE, name: 'b', value: 0 },
    ]);
    const eu = await get(
      `/api/series/requests?filter=${encodeURIComponent('region=(eu,asia)')}&${range}`,
    );
    expect(eu.body.rows.map((r: { name: string }) => r.name)).toEqual(['a', 'a']);
    const none = await get(`/api/series/requests?filter=region%3Dasia&${range}`);
    expect(none).toMatchObject({ status: 200, body: { rows: [] } });
  });

  it('GET /api/series with groupBy joins each group, and reduce combines its names', async () => {
    const range = `interval=minute&from=${T0_MS}&to=${T0_MS + 3 * MINUTE - 1}`;
    const grouped = await get(`/api/series/requests?filter=service%3Dapi&groupBy=region&${range}`);
    expect(grouped.body.rows).toEqual([
      { time: T0_MS, name: 'eu', value: 1 },
      { time: T0_MS, name: 'us', value: 10 },
      { time: T0_MS + MINUTE, name: 'eu', value: 2 },
      { time: T0_MS + MINUTE, name: 'us', value: 0 },
      { time: T0_MS + 2 * MINUTE, name: 'eu', value: 3 },
      { time: T0_MS + 2 * MINUTE, name: 'us', value: 20 },
    ]);
    const max = await get(
      `/api/series/requests?filter=service%3Dapi&groupBy=service&reduce=max&${range}`,
    );
    expect(max.body.rows).toEqual([
      { time: T0_MS, name: 'api', value: 10 },
      { time: T0_MS + MINUTE, name: 'api', value: 2 },
      { time: T0_MS + 2 * MINUTE, name: 'api', value: 20 },
    ]);
  });

  it('GET /api/series answers a bad filter with the library message, and keeps the names limit', async () => {
    const bad = await get('/api/series/requests?filter=region!%3Deu&interval=minute');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/region!=eu/);
    expect((await get('/api/series/requests?filter=service%3Dapi&reduce=sum')).status).toBe(400);
    expect((await get('/api/series/requests?names=a&groupBy=region')).status).toBe(400);
    expect((await get('/api/series/requests?names=a&filter=service%3Dapi')).status).toBe(400);
    const limited = await createApp({ series: await storedSeries(redis!), limits: { names: 1 } });
    const over = await json(limited.request('/api/series/requests?filter=service%3Dapi'));
    expect(over).toMatchObject({ status: 400, body: { limit: 'names', max: 1 } });
  });

  it('GET /api/series fill covers every row of a calendar resolution', async () => {
    const { createTimeseries } = await import('@kairos/ioredis');
    const days = createTimeseries(redis!, {
      type: 'series',
      read: Number,
      prefix: `${uniquePrefix()}d`,
      intervals: { month: { step: 'monthly', resolution: 'daily' } },
    });
    const day = 86_400_000;
    const start = Date.UTC(2024, 1, 27); // 27, 28, 29 February, then 1 March
    await days.insert('x', 5, { timestamp: start / 1000 + day / 1000 });
    const calendar = createApp({ series: { days } });
    const { body } = await json(
      calendar.request(
        `/api/series/days?names=x&interval=month&transform=max&fill=previous&from=${start}&to=${start + 3 * day}`,
      ),
    );
    expect(body.rows).toEqual([
      { time: start, value: null },
      { time: start + day, value: 5 },
      { time: start + 2 * day, value: 5 },
      { time: start + 3 * day, value: 5 },
    ]);
  });

  it('chooses the coarsest interval that still gives maxDataPoints rows, else the finest', async () => {
    const day = `from=${T0_MS - 86_400_000 + MINUTE}&to=${T0_MS}`;
    // A day: 1,440 minutes in either interval (both have minute resolution); `hour` is coarser.
    expect(
      (await get(`/api/series/requests?names=a&${day}&maxDataPoints=1000`)).body.interval,
    ).toBe('hour');
    // Both give 1,440 rows, fewer than wanted: the finest.
    expect(
      (await get(`/api/series/requests?names=a&${day}&maxDataPoints=5000`)).body.interval,
    ).toBe('minute');
  });

  it.each([
    ['/api/list/nope', 404, /unknown series key "nope"; served: requests, latency/],
    ['/api/info/requests/nope', 404, /no data under "nope"/],
    ['/api/series/requests?names=a,nope', 404, /no data under "nope" in series key "requests"/],
    [
      '/api/series/requests?names=a&interval=week',
      400,
      /unknown interval "week" for series key "requests"; configured: minute, hour/,
    ],
    ['/api/series/requests?names=a&interval=minute&transform=avg', 400, /unknown transform "avg"/],
    ['/api/series/requests', 400, /names is required/],
    ['/api/series/requests?names=a&from=yesterday', 400, /from must be Unix milliseconds/],
    ['/api/series/requests?names=a&from=2000&to=1000', 400, /from \(2000\) is after to \(1000\)/],
    ['/api/series/requests?names=a&each=2', 400, /each must be 1 or 0/],
    [
      '/api/series/requests?names=a&maxDataPoints=-1',
      400,
      /maxDataPoints must be a positive whole number/,
    ],
    ['/api/nothing', 404, /no such endpoint: GET \/api\/nothing/],
  ])('GET %s → %i with a clear message', async (path, status, message) => {
    const answer = await get(path);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatch(message);
  });

  it('has no write endpoint', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await json(
        app.request('/api/series/requests?names=a', { method, body: '{}' }),
      );
      expect(answer.status).toBe(404);
    }
    expect(await redis!.dbsize()).toBeGreaterThan(0);
  });
});
