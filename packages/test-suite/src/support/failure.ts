/**
 * Runs `action` and returns what it threw or rejected with; an AsyncIterable result is
 * iterated, since `iterate()` may report a bad argument on the first `next()`.
 * Fails the test when the action succeeds.
 */
export async function failureOf(action: () => unknown): Promise<unknown> {
  try {
    const result = action();
    if (isPromiseLike(result)) await result;
    else if (isAsyncIterable(result)) for await (const _ of result);
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof (value as { [Symbol.asyncIterator]?: unknown } | null)?.[Symbol.asyncIterator] ===
    'function'
  );
}

/** Collects an async iterable into an array. */
export async function collect<X>(iterable: AsyncIterable<X>): Promise<X[]> {
  const out: X[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
