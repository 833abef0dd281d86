/**
 * The shape every output format starts from: rows of `time` and one value per column.
 * A column is a series name (or the joined names), split per transform when several
 * transforms were asked for.
 */
export interface Frame {
  /** Column labels, without the time column. */
  readonly columns: readonly string[];
  /** Rows by ascending time; `values[n]` belongs to `columns[n]` (`undefined`: no row for it). */
  readonly rows: readonly FrameRow[];
}

/** One row of a {@link Frame}. */
export interface FrameRow {
  readonly time: number;
  readonly values: readonly unknown[];
}

/** The rows read for one name (or for the joined names: `name` undefined). */
export interface Track {
  readonly name: string | undefined;
  readonly rows: ReadonlyMap<number, unknown>;
}

/**
 * Flattens a `series()` result of a fine interval (a Map of interval buckets each holding
 * a Map of resolution buckets) into one row per resolution bucket.
 */
export function flattenFine(result: ReadonlyMap<number, unknown>): Map<number, unknown> {
  const rows = new Map<number, unknown>();
  for (const inner of result.values()) {
    for (const [time, value] of inner as Map<number, unknown>) rows.set(time, value);
  }
  return rows;
}

/**
 * Lays tracks out as a frame: one column per track, or per track and transform when the
 * values are objects of several transforms (`transforms` lists them, in order).
 */
export function toFrame(tracks: readonly Track[], transforms: readonly string[]): Frame {
  const split = transforms.length > 1;
  const columns: string[] = [];
  for (const { name } of tracks) {
    if (!split) columns.push(name ?? 'value');
    else for (const t of transforms) columns.push(name === undefined ? t : `${name}.${t}`);
  }
  const times = [...new Set(tracks.flatMap((t) => [...t.rows.keys()]))].sort((a, b) => a - b);
  const rows = times.map((time) => ({
    time,
    values: tracks.flatMap(({ rows }) => {
      const value = rows.get(time);
      if (!split) return [value];
      return transforms.map((t) => (value as Record<string, unknown> | undefined)?.[t]);
    }),
  }));
  return { columns, rows };
}

/** A value as JSON shows it: a Map becomes an object, a Set an array, recursively. */
export function toJsonValue(value: unknown): unknown {
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([k, v]) => [String(k), toJsonValue(v)]));
  }
  if (value instanceof Set) return [...value].map(toJsonValue);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v)]));
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value ?? null;
}
