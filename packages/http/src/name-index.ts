import type { AnyTimeseries } from './options';

/** How long a key's list of names is trusted before a name missing from it is looked up again. */
const FRESH_MS = 10_000;

/**
 * The names of each key, from `list()`, kept a few seconds so that checking the names of a
 * query does not SCAN Redis on every request; a name not found is always checked afresh.
 */
export class NameIndex {
  readonly #lists = new Map<string, { names: ReadonlySet<string>; at: number }>();

  /** Every name of `key` with data, sorted (read now, and remembered). */
  async list(key: string, series: AnyTimeseries): Promise<string[]> {
    const names = await series.list();
    this.#lists.set(key, { names: new Set(names), at: Date.now() });
    return names;
  }

  /** The names among `names` that hold no data under `key`. */
  async unknown(key: string, series: AnyTimeseries, names: readonly string[]): Promise<string[]> {
    const known = this.#lists.get(key);
    const missing = (set: ReadonlySet<string>) => names.filter((name) => !set.has(name));
    if (known && Date.now() - known.at < FRESH_MS && missing(known.names).length === 0) return [];
    return missing(new Set(await this.list(key, series)));
  }
}
