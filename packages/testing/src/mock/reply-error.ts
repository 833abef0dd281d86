/**
 * An error reply of the mock, shaped like ioredis' `ReplyError`: `message` is the Redis
 * error text (`WRONGTYPE …`, `ERR …`).
 */
export class MockReplyError extends Error {
  override readonly name = 'ReplyError';
}
