import type { Arg, Command } from '../driver';
import { replyStrings, type StoredValue, type TypeDef } from './type-def';

/** Bucket = a list in arrival order (RPUSH / LRANGE). */
export const seriesType: TypeDef = {
  type: 'series',
  invalid: () => undefined,
  createWrites() {
    const values: StoredValue[] = [];
    return {
      add: (value) => values.push(value),
      commands: (key): Command[] => {
        if (!values.length) return [];
        // concat, not a spread: it copies the values in one go (a spread allocated ~3× as much).
        const rpush: Arg[] = ['RPUSH', key];
        return [rpush.concat(values) as [string, ...Arg[]]];
      },
    };
  },
  readCommand: (key) => ['LRANGE', key, 0, -1],
  decode: (reply, read) => {
    const raw = replyStrings(reply);
    return read ? raw.map((value) => read(value)) : raw;
  },
  merge(rows) {
    const out: unknown[] = [];
    // One push per value: spreading a row into push() overflows the stack past ~130k values.
    for (const row of rows) if (row) for (const value of row as unknown[]) out.push(value);
    return out;
  },
};
