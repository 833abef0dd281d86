import type { Command } from '../driver';
import type { TypeDef } from './type-def';

/** Bucket = one number (INCRBYFLOAT / GET). */
export const countType: TypeDef = {
  type: 'count',
  invalid: (value) =>
    typeof value === 'number' && Number.isFinite(value)
      ? undefined
      : 'a count must be a finite number',
  createWrites() {
    // Neumaier summation: a coalesced float total stays as close as one INCRBYFLOAT per value.
    let sum = 0;
    let compensation = 0;
    return {
      add(value) {
        const n = value as number;
        const t = sum + n;
        compensation += Math.abs(sum) >= Math.abs(n) ? sum - t + n : n - t + sum;
        sum = t;
      },
      commands(key): Command[] {
        const total = sum + compensation;
        // INCRBYFLOAT, not INCRBY: a bucket that once took 0.5 must still take 1 (INCRBY
        // would fail on it), and Redis keeps integral totals as integers ("3").
        return total === 0 ? [] : [['INCRBYFLOAT', key, total]];
      },
    };
  },
  readCommand: (key) => ['GET', key],
  decode: (reply) => (reply == null ? 0 : Number(reply)),
  merge(rows) {
    let total = 0;
    for (const row of rows) if (row) total += row as number;
    return total;
  },
};
