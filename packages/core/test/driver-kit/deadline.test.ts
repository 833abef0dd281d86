import { describe, expect, it } from 'vitest';
import { asStorageError, execWithDeadline, withDeadline } from '../../src/driver-kit';
import { InvalidValueError, StorageError } from '../../src/errors';

describe('withDeadline', () => {
  it('rejects with a StorageError when the work is too slow, and leaves no dangling rejection', async () => {
    const slow = new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 50));
    await expect(withDeadline(slow, 10, 'x')).rejects.toThrow(StorageError);
    await new Promise((resolve) => setTimeout(resolve, 80));
  });

  it('passes through the result in time', async () => {
    await expect(withDeadline(Promise.resolve(1), 100, 'x')).resolves.toBe(1);
  });
});

describe('asStorageError', () => {
  it('wraps a client failure with its cause, and passes a Kairos error through', () => {
    const cause = new Error('ECONNRESET');
    const wrapped = asStorageError(cause, 'pipeline');
    expect(wrapped).toBeInstanceOf(StorageError);
    expect(wrapped.message).toBe('Redis pipeline failed: ECONNRESET');
    expect(wrapped.cause).toBe(cause);
    expect(asStorageError(wrapped, 'other')).toBe(wrapped);
    expect(asStorageError('text', 'SCAN').message).toBe('Redis SCAN failed: text');
    // A driver that rejects bad input itself keeps its typed error.
    const typed = new InvalidValueError('not a command');
    expect(asStorageError(typed, 'pipeline')).toBe(typed);
  });
});

describe('execWithDeadline', () => {
  it('answers an empty batch without running anything', async () => {
    let runs = 0;
    expect(await execWithDeadline([], 100, async () => [String(++runs)])).toEqual([]);
    expect(runs).toBe(0);
  });

  it('bounds the run and turns its failures into StorageErrors', async () => {
    const batch = [['GET', 'k']] as const;
    expect(await execWithDeadline(batch, 100, async () => ['v'])).toEqual(['v']);
    await expect(execWithDeadline(batch, 10, () => new Promise(() => {}))).rejects.toThrow(
      /did not answer 1 command\(s\) within 10 ms/,
    );
    const failure = await execWithDeadline(batch, 100, () =>
      Promise.reject(new Error('boom')),
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as Error).message).toBe('Redis pipeline failed: boom');
  });
});
