import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import * as errors from '../src/errors';

// The CommonJS build, as a `require` from a CJS dependency would load it: a second copy of
// every class. `pnpm test` builds the package first (see the nx target in package.json).
const esm: typeof errors = { ...errors };
const cjs: typeof errors = createRequire(import.meta.url)('../dist/index.cjs');

const CLASSES = [
  'KairosError',
  'ConfigError',
  'InvalidValueError',
  'StorageError',
  'UnknownIntervalError',
  'InvalidNameError',
] as const;

function make(copy: typeof errors, name: (typeof CLASSES)[number]): Error {
  switch (name) {
    case 'UnknownIntervalError':
      return new copy.UnknownIntervalError('hour', ['minute']);
    case 'InvalidNameError':
      return new copy.InvalidNameError('a:b', 'contains ":"');
    case 'StorageError':
      return new copy.StorageError('down', { cause: new Error('ECONNREFUSED') });
    default:
      return new copy[name]('bad');
  }
}

describe('instanceof across copies of @kairos/core', () => {
  it('the CJS build is another copy', () => {
    expect(cjs.StorageError).not.toBe(esm.StorageError);
  });

  for (const name of CLASSES) {
    it(`an error thrown by the CJS build is caught as the ESM ${name} and as KairosError`, () => {
      let caught: unknown;
      try {
        throw make(cjs, name);
      } catch (error) {
        caught = error;
      }
      expect(caught instanceof esm[name]).toBe(true);
      expect(caught instanceof esm.KairosError).toBe(true);
      expect(caught instanceof Error).toBe(true);
      // And the other way round.
      expect(make(esm, name) instanceof cjs[name]).toBe(true);
    });

    it(`a CJS ${name} is not an instance of the other ESM classes`, () => {
      const error = make(cjs, name);
      for (const other of CLASSES) {
        if (other !== name && other !== 'KairosError')
          expect(error instanceof esm[other]).toBe(false);
      }
    });
  }

  it('a nested second copy (fresh module instance) is recognised too', async () => {
    vi.resetModules();
    const nested: typeof errors = await import('../src/errors');
    expect(nested.StorageError).not.toBe(esm.StorageError);
    const error = new nested.StorageError('down', { command: ['GET', 'k'] });
    expect(error instanceof esm.StorageError).toBe(true);
    expect(error instanceof esm.KairosError).toBe(true);
    expect(error instanceof esm.InvalidValueError).toBe(false);
  });

  it('other errors and values are not Kairos errors', () => {
    for (const value of [new Error('x'), new TypeError('x'), {}, null, undefined, 'StorageError']) {
      expect(value instanceof esm.KairosError).toBe(false);
      expect(value instanceof cjs.StorageError).toBe(false);
    }
  });

  it("a user's subclass matches by prototype only", () => {
    class RetryableError extends esm.StorageError {}
    const mine = new RetryableError('retry', {});
    expect(mine instanceof RetryableError).toBe(true);
    expect(mine instanceof cjs.StorageError).toBe(true);
    expect(mine instanceof cjs.KairosError).toBe(true);
    // A plain StorageError, from either copy, is not the user's subclass.
    expect(new esm.StorageError('x', {}) instanceof RetryableError).toBe(false);
    expect(new cjs.StorageError('x', {}) instanceof RetryableError).toBe(false);
  });
});
