import type { Command } from '../driver';
import { replyStrings, type StoredValue, type TypeDef } from './type-def';

/** Bucket = distinct values (SADD / SMEMBERS). */
export const setType: TypeDef = {
  type: 'set',
  invalid: () => undefined,
  createWrites() {
    const values = new Set<string>();
    return {
      add: (value: StoredValue) => values.add(String(value)),
      commands: (key): Command[] => (values.size ? [['SADD', key, ...values]] : []),
    };
  },
  readCommand: (key) => ['SMEMBERS', key],
  decode: (reply, read) => {
    const raw = replyStrings(reply);
    return new Set(read ? raw.map((value) => read(value)) : raw);
  },
  merge(rows) {
    const out = new Set<unknown>();
    for (const row of rows) if (row) for (const value of row as Set<unknown>) out.add(value);
    return out;
  },
};
