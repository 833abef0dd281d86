import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, json, storedApp, T0_MS, targets } from './fixture';

const MINUTE = 60_000;

function fixture(name: string) {
  return JSON.parse(readFileSync(new URL(`fixtures/simpod/${name}.json`, import.meta.url), 'utf8'));
}

/**
 * Whether `actual` has the shape of the plugin's `example`: the same kinds of values, and only
 * keys the example has; a datapoint value may be null where the example has a number.
 */
function conforms(actual: unknown, example: unknown, path = '$'): string[] {
  if (Array.isArray(example)) {
    if (!Array.isArray(actual)) return [`${path} is not an array`];
    return actual.flatMap((item, i) => conforms(item, example[0], `${path}[${i}]`));
  }
  if (example !== null && typeof example === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path} is not an object`];
    return Object.entries(actual).flatMap(([key, value]) =>
      Object.hasOwn(example, key)
        ? conforms(value, (example as Record<string, unknown>)[key], `${path}.${key}`)
        : [`${path}.${key} is not in the plugin's shape`],
    );
  }
  if (actual === null && typeof example === 'number') return [];
  return typeof actual === typeof example
    ? []
    : [`${path} is a ${typeof actual}, not a ${typeof example}`];
}

describe.runIf(targets.available)('the simPod JSON data source contract under /grafana', () => {
  const redis = targets.available ? client() : undefined;
  let app: Hono;
  beforeAll(async () => {
    app = await storedApp(redis!);
  });
  afterAll(() => redis?.disconnect());
  const post = (path: string, body: unknown) =>
    json(
      app.request(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
      }),
    );

  it('GET /grafana answers 200 (the test of the data source settings)', async () => {
    expect((await app.request('/grafana')).status).toBe(200);
  });

  it.each(['metrics-request', 'metrics-request-builder'])(
    'POST /grafana/metrics (%s) lists every key:name',
    async (request) => {
      const { status, body } = await post('/grafana/metrics', fixture(request));
      expect(status).toBe(200);
      expect(conforms(body, fixture('metrics-response'))).toEqual([]);
      expect(body.map((m: { value: string }) => m.value)).toEqual([
        'requests:a',
        'requests:b',
        'latency:api',
      ]);
      expect(body[0].label).toBe('requests: a');
      const interval = body[0].payloads.find((p: { name: string }) => p.name === 'interval');
      expect(interval.options.map((o: { value: string }) => o.value)).toEqual(['minute', 'hour']);
    },
  );

  it('POST /grafana/metric-payload-options lists the choices of a payload', async () => {
    const { status, body } = await post(
      '/grafana/metric-payload-options',
      fixture('metric-payload-options-request'),
    );
    expect(status).toBe(200);
    expect(conforms(body, fixture('metric-payload-options-response'))).toEqual([]);
    expect(body).toEqual([
      { label: 'minute', value: 'minute' },
      { label: 'hour', value: 'hour' },
    ]);
  });

  it('POST /grafana/query answers targets with datapoints [value, ms]', async () => {
    const request = fixture('query-request');
    request.range.from = new Date(T0_MS).toISOString();
    request.range.to = new Date(T0_MS + 3 * MINUTE - 1).toISOString();
    const { status, body } = await post('/grafana/query', request);
    expect(status).toBe(200);
    expect(conforms(body, fixture('query-response'))).toEqual([]);
    const at = (n: number) => T0_MS + n * MINUTE;
    expect(body).toEqual([
      {
        target: 'requests:a,b',
        datapoints: [
          [11, at(0)],
          [2, at(1)],
          [23, at(2)],
        ],
      },
      {
        target: 'latency:api',
        datapoints: [
          [30, at(0)],
          [20, at(1)],
          [null, at(2)],
        ],
      },
      {
        target: 'requests:a',
        datapoints: [
          [1, at(0)],
          [2, at(1)],
          [3, at(2)],
        ],
      },
      {
        target: 'requests:b',
        datapoints: [
          [10, at(0)],
          [0, at(1)],
          [20, at(2)],
        ],
      },
    ]);
  });

  it('POST /grafana/query takes times in ms too, and charts a series by its mean by default', async () => {
    const { body } = await post('/grafana/query', {
      range: { from: T0_MS, to: T0_MS + MINUTE - 1 },
      targets: [{ target: 'latency:api', refId: 'A', payload: { interval: 'minute' } }],
    });
    expect(body).toEqual([{ target: 'latency:api', datapoints: [[20, T0_MS]] }]);
  });

  it('POST /grafana/query takes a payload filter: one target per matched name or group', async () => {
    const range = { from: T0_MS, to: T0_MS + 2 * MINUTE - 1 };
    const query = (payload: Record<string, unknown>) =>
      post('/grafana/query', {
        range,
        targets: [{ target: 'requests', refId: 'A', payload: { interval: 'minute', ...payload } }],
      });
    expect((await query({ filter: 'service=api' })).body).toEqual([
      {
        target: 'requests:a',
        datapoints: [
          [1, T0_MS],
          [2, T0_MS + MINUTE],
        ],
      },
      {
        target: 'requests:b',
        datapoints: [
          [10, T0_MS],
          [0, T0_MS + MINUTE],
        ],
      },
    ]);
    expect((await query({ filter: 'service=api', groupBy: 'region' })).body).toEqual([
      {
        target: 'requests:eu',
        datapoints: [
          [1, T0_MS],
          [2, T0_MS + MINUTE],
        ],
      },
      {
        target: 'requests:us',
        datapoints: [
          [10, T0_MS],
          [0, T0_MS + MINUTE],
        ],
      },
    ]);
    expect(
      (await query({ filter: 'service=api', groupBy: 'service', reduce: 'sum' })).body,
    ).toEqual([
      {
        target: 'requests:api',
        datapoints: [
          [11, T0_MS],
          [2, T0_MS + MINUTE],
        ],
      },
    ]);
    const bad = await query({ filter: 'region!=eu' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/region!=eu/);
  });

  it('POST /grafana/variable gives the names of a key, or the keys', async () => {
    const { status, body } = await post('/grafana/variable', fixture('variable-request'));
    expect(status).toBe(200);
    expect(conforms(body, fixture('variable-response'))).toEqual([]);
    expect(body).toEqual([
      { __text: 'a', __value: 'a' },
      { __text: 'b', __value: 'b' },
    ]);
    expect((await post('/grafana/variable', { payload: { target: '' } })).body).toEqual([
      { __text: 'requests', __value: 'requests' },
      { __text: 'latency', __value: 'latency' },
    ]);
  });

  it.each([
    ['a body that is not JSON', 'nope', 400, /the body must be a JSON object/],
    ['an unknown key', { targets: [{ target: 'nope:a' }] }, 404, /unknown series key "nope"/],
    [
      'an unknown name',
      { range: { from: T0_MS, to: T0_MS }, targets: [{ target: 'requests:zz' }] },
      404,
      /no data under "zz"/,
    ],
    [
      'a target that is not a string',
      { targets: [{ refId: 'A' }] },
      400,
      /target must be "key:name"/,
    ],
    [
      'values that are lists',
      {
        range: { from: T0_MS, to: T0_MS },
        targets: [{ target: 'latency:api', payload: { interval: 'minute', transform: 'none' } }],
      },
      400,
      /gives lists, not numbers: set a transform/,
    ],
    [
      'a bad range',
      { range: { from: 'soon', to: T0_MS }, targets: [] },
      400,
      /range.from must be Unix milliseconds or an ISO 8601 date/,
    ],
    [
      'an unknown transform',
      {
        range: { from: T0_MS, to: T0_MS },
        targets: [{ target: 'latency:api', payload: { transform: 'p101' } }],
      },
      400,
      /unknown transform "p101"/,
    ],
  ])('POST /grafana/query with %s → %i', async (_what, body, status, message) => {
    const answer = await json(
      app.request('/grafana/query', {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    expect(answer.status).toBe(status);
    if (message) expect(answer.body.error).toMatch(message);
  });
});
