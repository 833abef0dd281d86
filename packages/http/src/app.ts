import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { timeout } from 'hono/timeout';
import { bearer } from './auth';
import { errorResponse, HttpError, limitError } from './http-error';
import { NameIndex } from './name-index';
import { type AppOptions, resolveOptions } from './options';
import { apiRoutes } from './routes/api';
import { grafanaRoutes } from './routes/grafana';
import { pageRoutes } from './routes/page';

/** Apps made with a token, so that `serve` can say whether the server is open. */
const withToken = new WeakSet<Hono>();

/** Whether `app` was made by {@link createApp} with a token. */
export function hasToken(app: Hono): boolean {
  return withToken.has(app);
}

/**
 * A read-only hono app over `series`: the JSON API under `/api`, the simPod JSON data source
 * contract under `/grafana`, and the dashboard page at `/`. It is a standard fetch handler
 * (`app.fetch`), so it also mounts inside other servers.
 *
 * @example
 * ```ts
 * const app = createApp({ series: { requests: t }, token: process.env.KAIROS_TOKEN });
 * const res = await app.request('/api/keys', { headers: { Authorization: 'Bearer …' } });
 * ```
 * @throws TypeError for bad options.
 */
export function createApp(options: AppOptions): Hono {
  const resolved = resolveOptions(options);
  const context = { options: resolved, index: new NameIndex() };
  const { limits } = resolved;
  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error, resolved.onStorageError));
  app.notFound((c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404));

  app.use('*', async (c, next) => {
    const url = c.req.url;
    const query = url.indexOf('?');
    const bytes = query < 0 ? 0 : Buffer.byteLength(url.slice(query + 1));
    if (bytes > limits.queryBytes) {
      throw limitError('queryBytes', limits.queryBytes, `a query string of ${bytes} bytes`);
    }
    await next();
  });
  app.use(
    '*',
    timeout(
      resolved.timeoutMs,
      () => new HttpError(504, `the request took longer than ${resolved.timeoutMs} ms`) as never,
    ),
  );
  for (const path of ['/api/*', '/grafana', '/grafana/*']) {
    if (resolved.cors.length > 0) {
      app.use(
        path,
        cors({
          origin: [...resolved.cors],
          allowMethods: ['GET', 'POST', 'OPTIONS'],
          allowHeaders: ['Authorization', 'Content-Type'],
          maxAge: 600,
        }),
      );
    }
    if (resolved.token !== undefined) app.use(path, bearer(resolved.token));
  }
  app.use(
    '/grafana/*',
    bodyLimit({
      maxSize: limits.bodyBytes,
      onError: () => {
        throw limitError('bodyBytes', limits.bodyBytes, 'the body is too large');
      },
    }),
  );

  app.route('/api', apiRoutes(context));
  app.route('/grafana', grafanaRoutes(context));
  app.route('/', pageRoutes());
  if (resolved.token !== undefined) withToken.add(app);
  return app;
}
