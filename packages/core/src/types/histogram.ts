import type { Command } from '../driver';
import { replyStrings, type StoredValue, type TypeDef } from './type-def';

/** Bucket = a count per distinct value (HINCRBY / HGETALL). */
export const histogramType: TypeDef = {
  type: 'histogram',
  invalid: () => undefined,
  createWrites() {
    const counts = new Map<string, number>();
    return {
      add: (value: StoredValue) => {
        const field = String(value);
        counts.set(field, (counts.get(field) ?? 0) + 1);
      },
      commands: (key): Command[] =>
        Array.from(counts, ([field, n]): Command => ['HINCRBY', key, field, n]),
    };
  },
  readCommand: (key) => ['HGETALL', key],
  decode: (reply, read) => {
    const flat = replyStrings(reply);
    const out = new Map<unknown, number>();
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const raw = flat[i] as string;
      const value = read ? read(raw) : raw;
      // `read` may map two stored fields to one value ('1' and '1.0'): their counts add up.
      out.set(value, (out.get(value) ?? 0) + Number(flat[i + 1]));
    }
    return out;
  },
  merge(rows) {
    const out = new Map<unknown, number>();
    for (const row of rows) {
      if (!row) continue;
      for (const [value, n] of row as Map<unknown, number>)
        out.set(value, (out.get(value) ?? 0) + n);
    }
    return out;
  },
};
