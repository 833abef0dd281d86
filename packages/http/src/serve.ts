import type { AddressInfo } from 'node:net';
import { serve as nodeServe } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp, hasToken } from './app';
import type { AppOptions } from './options';

/** Where {@link serve} listens, and where it reports that it started. */
export interface ServeOptions {
  /** Port (default 8080; 0 picks a free one). */
  readonly port?: number;
  /** Address to bind (default `127.0.0.1`: only this machine can connect). */
  readonly host?: string;
  /** Where the start message goes (default `console.error`); `null`: nowhere. */
  readonly log?: ((line: string) => void) | null;
}

/** A listening server. */
export interface RunningServer {
  /** `http://host:port/` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** The address bound when no host is given. */
export const DEFAULT_HOST = '127.0.0.1';
/** The port used when none is given. */
export const DEFAULT_PORT = 8080;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * Serves a hono app (from {@link createApp}) on Node's HTTP server. Binds to `127.0.0.1`
 * unless a host is given, and says at start where it listens and whether a token guards it.
 *
 * @example
 * ```ts
 * const server = await serve(createApp({ series: { requests: t } }), { port: 8080 });
 * console.log(server.url); // http://127.0.0.1:8080/
 * ```
 */
export function serve(app: Hono, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const log = options.log === undefined ? (line: string) => console.error(line) : options.log;
  return new Promise((resolve, reject) => {
    const server = nodeServe({
      fetch: app.fetch,
      port: options.port ?? DEFAULT_PORT,
      hostname: host,
    });
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
      log?.(`Kairos serving on ${url}`);
      log?.(startNote(host, options.host !== undefined, hasToken(app)));
      resolve({
        url,
        host,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}

/** What the start message says about who can connect. */
function startNote(host: string, hostGiven: boolean, token: boolean): string {
  const auth = token ? 'a bearer token is required' : 'no token is set';
  if (LOOPBACK.test(host)) {
    return `${auth}; listening on ${host} only, so only this machine can connect${hostGiven ? '' : ' (give a host to listen elsewhere)'}`;
  }
  return token
    ? `${auth}; listening on ${host}: use TLS in front of it on an open network`
    : `WARNING: ${auth} and listening on ${host}: anyone who can reach this port can read every series`;
}

/**
 * {@link createApp} and {@link serve} in one call: what `kairos serve` runs.
 *
 * @example
 * ```ts
 * const server = await serveSeries({ series: { requests: t }, token: process.env.KAIROS_TOKEN, port: 8080 });
 * ```
 */
export function serveSeries(options: AppOptions & ServeOptions): Promise<RunningServer> {
  return serve(createApp(options), options);
}
