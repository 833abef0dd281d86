import { Hono } from 'hono';
import type { RouteContext } from '../context';
import { HttpError } from '../http-error';
import {
  parseFill,
  parseFlag,
  parsePositive,
  parseSource,
  parseTime,
  parseTransform,
} from '../params';
import { read, seriesOf, toRows } from '../read';

/**
 * The JSON API: `/keys`, `/list/:key`, `/info/:key/:name` and `/series/:key` (the table
 * Grafana's Infinity data source reads). Times are Unix milliseconds.
 */
export function apiRoutes({ options, index }: RouteContext): Hono {
  const api = new Hono();

  api.get('/keys', (c) =>
    c.json({
      keys: [...options.series].map(([key, t]) => ({
        key,
        type: t.type,
        intervals: t.intervals.map((info) => info.name),
        // Lengths in seconds, for clients that choose an interval themselves.
        intervalInfo: t.intervals.map((info) => ({ ...info, steps: info.steps ?? null })),
      })),
    }),
  );

  api.get('/list/:key', async (c) => {
    const key = c.req.param('key');
    return c.json({ names: await index.list(key, seriesOf(options, key)) });
  });

  api.get('/info/:key/:name', async (c) => {
    const { key, name } = c.req.param();
    const properties = await seriesOf(options, key).properties(name);
    const intervals = Object.entries(properties);
    if (intervals.length === 0) {
      throw new HttpError(
        404,
        `no data under ${JSON.stringify(name)} in series key ${JSON.stringify(key)}`,
      );
    }
    return c.json(
      Object.fromEntries(
        intervals.map(([interval, { first, last }]) => [
          interval,
          { first: first * 1000, last: last * 1000 },
        ]),
      ),
    );
  });

  api.get('/series/:key', async (c) => {
    const q = c.req.query();
    const source = parseSource(q, options.limits);
    // A filter gives one row per matched name (or group) and time, as `each=1` does.
    const each = parseFlag(q.each, 'each') || !Array.isArray(source);
    const result = await read(options, index, {
      key: c.req.param('key'),
      source,
      interval: q.interval || undefined,
      from: parseTime(q.from, 'from'),
      to: parseTime(q.to, 'to'),
      transform: parseTransform(q.transform),
      each,
      fill: parseFill(q.fill),
      maxDataPoints: parsePositive(q.maxDataPoints, 'maxDataPoints'),
    });
    return c.json({ interval: result.interval, rows: toRows(result, each) });
  });

  return api;
}
