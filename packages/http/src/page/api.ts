/** Calls to the server's JSON API, with the token kept in session storage. */

const TOKEN_KEY = 'kairos-token';

/** A 401: the page asks for a (new) token and retries. */
export class NeedsToken extends Error {}

/** The token given in this tab, if any. */
export function savedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Keeps the token for this tab only. */
export function saveToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

/** GET of `path` (relative to the page) as JSON; an error answer rejects with its message. */
export async function getJson<T>(path: string): Promise<T> {
  const token = savedToken();
  const response = await fetch(path, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) throw new NeedsToken(body.error ?? 'a token is required');
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body as T;
}

/** One entry of `/api/keys`. */
export interface KeyInfo {
  key: string;
  type: string;
  intervals: string[];
}

/** A row of `/api/series` with `each=1`. */
export interface Row {
  time: number;
  name?: string;
  value: unknown;
}
