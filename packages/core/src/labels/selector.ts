import { describe, InvalidValueError } from '../errors';
import { type Filter, parseFilter } from './filter';
import type { LabelIndex } from './label-index';
import { checkLabelName } from './validate';

/** How `reduce` combines the per-name values of a group at each time. */
export type Reduction = 'sum' | 'min' | 'max' | 'mean' | 'count';

const REDUCTIONS: readonly Reduction[] = ['sum', 'min', 'max', 'mean', 'count'];

/**
 * Names chosen by their labels, in place of a name in `get`, `series` and `iterate`.
 * Without `groupBy` the result is a Map from each matching name to its result; with
 * `groupBy` a Map from each value of that label to the group's joined result (raw data
 * merged, then the transform), or, with `reduce`, to the per-name results reduced at each time.
 */
export interface Selector {
  /** Space-separated terms, all of which must hold: `l=v`, `l!=v`, `l=(a,b)`, `l!=(a,b)`, `l=`, `l!=`. */
  filter: string;
  /** Group the matching names by this label's value; names without it are left out. */
  groupBy?: string;
  /** Reduce the per-name transformed values of each group at each time (needs `groupBy`). */
  reduce?: Reduction;
}

/** A selector whose parts were checked. */
export interface CheckedSelector {
  filter: Filter;
  groupBy: string | undefined;
  reduce: Reduction | undefined;
}

/** True when a read names its series by a selector rather than by name(s). */
export function isSelector(source: unknown): source is Selector {
  return typeof source === 'object' && source !== null && !Array.isArray(source);
}

/** Checks a selector before anything is sent. */
export function checkSelector(selector: Selector): CheckedSelector {
  const filter = parseFilter(selector.filter);
  const groupBy =
    selector.groupBy === undefined ? undefined : checkLabelName(selector.groupBy, 'groupBy');
  const reduce = selector.reduce;
  if (reduce !== undefined && !REDUCTIONS.includes(reduce)) {
    throw new InvalidValueError(
      `reduce must be one of ${REDUCTIONS.join(', ')}; got ${describe(reduce)}`,
    );
  }
  if (reduce !== undefined && groupBy === undefined) {
    throw new InvalidValueError('reduce needs groupBy: it combines the names of each group');
  }
  return { filter, groupBy, reduce };
}

/**
 * The names behind each key of a selector's result, keys sorted: each matching name alone,
 * or the names of each `groupBy` value (names without the label left out).
 */
export async function selectGroups(
  index: LabelIndex,
  selector: CheckedSelector,
): Promise<Map<string, string[]>> {
  const { groupBy } = selector;
  const { names, values } = await index.select(selector.filter, groupBy ? [groupBy] : []);
  if (groupBy === undefined) return new Map(names.map((name) => [name, [name]]));
  const valueByName = values.get(groupBy);
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const value = valueByName?.get(name);
    if (value === undefined) continue;
    const group = groups.get(value);
    if (group) group.push(name);
    else groups.set(value, [name]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
