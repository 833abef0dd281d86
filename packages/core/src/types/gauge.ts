import type { Command } from '../driver';
import type { StoredValue, TypeDef } from './type-def';

/** Bucket = the last value written (SET / GET). */
export const gaugeType: TypeDef = {
  type: 'gauge',
  invalid: () => undefined,
  createWrites() {
    let last: StoredValue | undefined;
    return {
      add: (value) => {
        last = value;
      },
      commands: (key): Command[] => (last === undefined ? [] : [['SET', key, last]]),
    };
  },
  readCommand: (key) => ['GET', key],
  decode: (reply, read) => {
    if (reply == null) return null;
    const raw = String(reply);
    return read ? read(raw) : raw;
  },
  merge(rows) {
    // The last non-null value wins; 0 and '' are values (kairos skipped every falsy one).
    let last: unknown = null;
    for (const row of rows) if (row !== undefined && row !== null) last = row;
    return last;
  },
};
