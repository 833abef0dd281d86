import { KairosError, StorageError } from '@kairos/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly error: string;
  /** The limit that was passed (`names`, `points`, `queryBytes`, `bodyBytes`). */
  readonly limit?: string;
  /** That limit's value. */
  readonly max?: number;
}

/** An answer other than 200, with the message the client sees. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly extra: Omit<ErrorBody, 'error'> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A 400 for a request beyond one of the limits. */
export function limitError(limit: string, max: number, what: string): HttpError {
  return new HttpError(400, `${what}: the limit ${limit} is ${max}`, { limit, max });
}

/**
 * The answer for any error: its own status for an HttpError, 400 for bad input found by the
 * library, 503 without details for a storage failure (reported to `onStorageError`).
 */
export function errorResponse(
  c: Context,
  error: unknown,
  onStorageError: (error: unknown) => void,
): Response {
  if (error instanceof HttpError) {
    return c.json({ error: error.message, ...error.extra } satisfies ErrorBody, error.status);
  }
  if (error instanceof StorageError) {
    onStorageError(error);
    return c.json({ error: 'storage unavailable' } satisfies ErrorBody, 503);
  }
  if (error instanceof KairosError) {
    return c.json({ error: error.message } satisfies ErrorBody, 400);
  }
  onStorageError(error);
  return c.json({ error: 'internal error' } satisfies ErrorBody, 500);
}
