/** What one bucket holds, per type (README "Types"), from its writes. */

/** The five series types. */
export type ModelType = 'series' | 'histogram' | 'count' | 'gauge' | 'set';

/** A value as stored: what was written, as text (counts as numbers). */
export type Written = string | number;

/** The data of a bucket that received `writes`, in arrival order. */
export function bucketData(type: ModelType, writes: readonly Written[]): unknown {
  switch (type) {
    case 'series':
      return writes.map(String);
    case 'set':
      return new Set(writes.map(String));
    case 'histogram': {
      const counts = new Map<string, number>();
      for (const w of writes) counts.set(String(w), (counts.get(String(w)) ?? 0) + 1);
      return counts;
    }
    case 'count':
      return writes.reduce<number>((sum, w) => sum + Number(w), 0);
    case 'gauge':
      return writes.length ? String(writes[writes.length - 1]) : null;
  }
}

/** Merges rows in order (joined names, condense, collapse); `undefined` is a missing row. */
export function merge(type: ModelType, rows: readonly unknown[]): unknown {
  const present = rows.filter((row) => row !== undefined);
  switch (type) {
    case 'series':
      return present.flatMap((row) => row as string[]);
    case 'set':
      return new Set(present.flatMap((row) => [...(row as Set<string>)]));
    case 'histogram': {
      const out = new Map<string, number>();
      for (const row of present)
        for (const [v, n] of row as Map<string, number>) out.set(v, (out.get(v) ?? 0) + n);
      return out;
    }
    case 'count':
      return present.reduce<number>((sum, row) => sum + (row as number), 0);
    case 'gauge': {
      // The last non-null value; '' is a value.
      let last: unknown = null;
      for (const row of present) if (row !== null) last = row;
      return last;
    }
  }
}

/** The built-in transforms the model checks: `count` and `rate` (README "Transforms"). */
export type ModelTransform = 'count' | 'rate';

/** A transform of one row covering `duration` seconds. */
export function transform(
  type: ModelType,
  name: ModelTransform,
  data: unknown,
  duration: number,
): unknown {
  if (type === 'gauge') return data;
  if (type === 'count') return name === 'rate' ? (data as number) / duration : data;
  if (type === 'histogram' && name === 'rate') {
    return new Map([...(data as Map<string, number>)].map(([v, n]) => [v, n / duration]));
  }
  const n =
    type === 'series'
      ? (data as string[]).length
      : type === 'set'
        ? (data as Set<string>).size
        : [...(data as Map<string, number>).values()].reduce((a, b) => a + b, 0);
  return name === 'rate' ? n / duration : n;
}
