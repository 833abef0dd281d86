import type { KeyLayout } from '../keys';

/**
 * The label index, under the Timeseries prefix but after an extra `:`, a place no series
 * key can reach (a series name is never empty): `list`, `properties`, `delete` and Python
 * kairos' `<name>:<interval>:<bucket>` parsing never take these keys for a series.
 *
 * - `<prefix>:labels:{<name>}` HASH label → value: one name's labels (the `{name}` hash tag
 *   puts it in the slot of the name's data on a cluster).
 * - `<prefix>:label:<label>` HASH name → value: every name having the label; filters are
 *   decided on these.
 * - `<prefix>:label:<label>=<value>` SET of names: finds the candidates of a positive term.
 *
 * Every command on them names one key, so none crosses cluster slots.
 */
export const INDEX_MARK = ':label';

/** The hash of one name's labels. */
export function nameLabelsKey(layout: KeyLayout, name: string): string {
  return `${layout.prefix}${INDEX_MARK}s:{${name}}`;
}

/** The hash name → value of every name having `label`. */
export function labelKey(layout: KeyLayout, label: string): string {
  return `${layout.prefix}${INDEX_MARK}:${label}`;
}

/** The set of names whose `label` is `value`. */
export function labelValueKey(layout: KeyLayout, label: string, value: string): string {
  return `${layout.prefix}${INDEX_MARK}:${label}=${value}`;
}
