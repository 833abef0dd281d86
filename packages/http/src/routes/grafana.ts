import type { SeriesType } from '@kairos/core';
import { type Context, Hono } from 'hono';
import type { RouteContext } from '../context';
import { HttpError, limitError } from '../http-error';
import {
  parseFill,
  parseFlag,
  parsePositive,
  parseSource,
  parseTime,
  parseTransform,
} from '../params';
import { read, seriesOf } from '../read';
import { CHART_TRANSFORM, TRANSFORM_CHOICES } from '../transform-choices';

/**
 * A target of `/grafana/query`: `key:name`, `key:a,b` (joined unless `each`) or `key` (every
 * name, or those its payload's `filter` matches: one line per name or `groupBy` value).
 */
interface Target {
  readonly target?: unknown;
  readonly refId?: unknown;
  readonly hide?: unknown;
  readonly payload?: Record<string, unknown>;
}

/** How a payload's `reduce` may combine a group's names at each time. */
const REDUCTIONS = ['sum', 'min', 'max', 'mean', 'count'];

/** The transform choices of a payload; `none` keeps raw values (counts and gauges). */
const TRANSFORMS = ['none', ...TRANSFORM_CHOICES];

/**
 * The contract of the simPod JSON data source (`GET /`, `POST /metrics`,
 * `/metric-payload-options`, `/query`, `/variable`).
 */
export function grafanaRoutes({ options, index }: RouteContext): Hono {
  const grafana = new Hono();

  grafana.get('/', (c) => c.json({ status: 'ok', keys: options.series.size }));

  grafana.post('/metrics', async (c) => {
    const metrics = [];
    for (const [key, t] of options.series) {
      const payloads = payloadOptions(key);
      for (const name of await index.list(key, t)) {
        metrics.push({ label: `${key}: ${name}`, value: `${key}:${name}`, payloads });
      }
    }
    return c.json(metrics);
  });

  grafana.post('/metric-payload-options', async (c) => {
    const body = await jsonBody(c);
    const { key } = splitTarget(body.metric);
    const found = payloadOptions(key).find((payload) => payload.name === body.name);
    return c.json(found?.options ?? []);
  });

  grafana.post('/query', async (c) => {
    const body = await jsonBody(c);
    const range = (body.range ?? {}) as Record<string, unknown>;
    const from = parseTime(range.from, 'range.from');
    const to = parseTime(range.to, 'range.to');
    const maxDataPoints = parsePositive(body.maxDataPoints, 'maxDataPoints');
    const targets = (Array.isArray(body.targets) ? body.targets : []) as Target[];
    const out: { target: string; datapoints: [number | null, number][] }[] = [];
    let points = 0;
    for (const target of targets) {
      if (target.hide === true) continue;
      const { key, names } = splitTarget(target.target);
      const t = seriesOf(options, key);
      const payload = target.payload ?? {};
      const filtered = payload.filter !== undefined && payload.filter !== '';
      const source = parseSource(
        { ...payload, names: names ?? (filtered ? undefined : await index.list(key, t)) },
        options.limits,
      );
      const each = parseFlag(payload.each, 'payload.each') || !Array.isArray(source);
      const result = await read(options, index, {
        key,
        source,
        interval:
          typeof payload.interval === 'string' && payload.interval ? payload.interval : undefined,
        from,
        to,
        transform:
          payload.transform === 'none'
            ? undefined
            : (parseTransform(payload.transform) ?? CHART_TRANSFORM[t.type as SeriesType]),
        each,
        fill: parseFill(payload.fill),
        maxDataPoints,
      });
      for (const [label, series] of result.series) {
        points += series.length;
        if (points > options.limits.points) {
          throw limitError('points', options.limits.points, 'the targets ask for more points');
        }
        out.push({
          target: each ? `${key}:${label}` : String(target.target),
          datapoints: series.map(([time, value]) => [chartValue(value, target.target), time]),
        });
      }
    }
    return c.json(out);
  });

  grafana.post('/variable', async (c) => {
    const body = await jsonBody(c);
    const payload = body.payload;
    const query = String(
      (typeof payload === 'object' && payload !== null ? (payload as Target).target : payload) ??
        '',
    ).trim();
    const values =
      query === '' || query === '*'
        ? [...options.series.keys()]
        : await index.list(query, seriesOf(options, query));
    return c.json(values.map((value) => ({ __text: value, __value: value })));
  });

  function payloadOptions(key: string) {
    const t = options.series.get(key);
    const choices = (values: readonly string[]) => values.map((value) => ({ label: value, value }));
    return [
      {
        name: 'interval',
        label: 'Interval',
        type: 'select',
        placeholder: 'automatic',
        options: choices(t?.intervals.map((info) => info.name) ?? []),
      },
      { name: 'transform', label: 'Transform', type: 'select', options: choices(TRANSFORMS) },
      { name: 'each', label: 'One line per name', type: 'select', options: choices(['0', '1']) },
      { name: 'fill', label: 'Fill gaps', type: 'input', placeholder: '0, previous or null' },
      { name: 'filter', label: 'Label filter', type: 'input', placeholder: 'service=api' },
      { name: 'groupBy', label: 'Group by label', type: 'input', placeholder: 'region' },
      { name: 'reduce', label: 'Reduce groups', type: 'select', options: choices(REDUCTIONS) },
    ];
  }

  return grafana;
}

/** `key:name,name` → the key (before the last `:`, since names have none) and the names. */
function splitTarget(target: unknown): { key: string; names: string[] | undefined } {
  if (typeof target !== 'string' || target === '') {
    throw new HttpError(400, 'target must be "key:name", "key:a,b" or "key"');
  }
  const colon = target.lastIndexOf(':');
  if (colon < 0) return { key: target, names: undefined };
  return { key: target.slice(0, colon), names: target.slice(colon + 1).split(',') };
}

/** A datapoint's value: a number or null; anything else needs a transform. */
function chartValue(value: unknown, target: unknown): number | null {
  if (value === null || typeof value === 'number') return value;
  throw new HttpError(
    400,
    `target ${JSON.stringify(target)} gives ${Array.isArray(value) ? 'lists' : 'objects'}, not numbers: set a transform in its payload, e.g. {"transform":"mean"}`,
  );
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    const body = JSON.parse(text);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'the body must be a JSON object');
}
