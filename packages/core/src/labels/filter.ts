import { describe, InvalidValueError } from '../errors';
import { checkLabelName, checkLabelValue } from './validate';

/**
 * One term of a filter. `values` empty with `equal` means "label absent" (`l=`), without
 * it "label present" (`l!=`).
 */
export interface FilterTerm {
  readonly label: string;
  readonly equal: boolean;
  readonly values: readonly string[];
  /** The term as written, for messages. */
  readonly text: string;
}

/** A parsed filter: every term must hold. */
export type Filter = readonly FilterTerm[];

const TERM = /^([^=!]*)(!?=)(.*)$/;

/**
 * Parses a RedisTimeSeries-style filter: space-separated terms `l=v`, `l!=v`, `l=(a,b)`,
 * `l!=(a,b)`, `l=` (absent), `l!=` (present), at least one of them a positive match
 * (`l=v` or `l=(…)`), so that a filter never needs a scan of every name.
 * @throws InvalidValueError naming the bad term.
 */
export function parseFilter(filter: unknown): Filter {
  if (typeof filter !== 'string') {
    throw new InvalidValueError(`filter must be a string of terms; got ${describe(filter)}`);
  }
  const texts = filter.split(/\s+/).filter((text) => text !== '');
  if (texts.length === 0) throw new InvalidValueError('filter must hold at least one term');
  const terms = texts.map(parseTerm);
  if (!terms.some(isPositive)) {
    throw new InvalidValueError(
      `filter ${JSON.stringify(filter)} needs a positive term (l=v or l=(a,b)), so that it never scans every name`,
    );
  }
  return terms;
}

/** True for `l=v` and `l=(…)`: the terms that find candidates in the index. */
export function isPositive(term: FilterTerm): boolean {
  return term.equal && term.values.length > 0;
}

/** True when labels (`undefined`: absent) satisfy the term. */
export function holds(term: FilterTerm, value: string | undefined): boolean {
  if (term.values.length === 0) return term.equal ? value === undefined : value !== undefined;
  const listed = value !== undefined && term.values.includes(value);
  return term.equal ? listed : !listed;
}

function parseTerm(text: string): FilterTerm {
  const quoted = JSON.stringify(text);
  const match = TERM.exec(text);
  if (!match) {
    throw new InvalidValueError(
      `bad filter term ${quoted}: expected l=v, l!=v, l=(a,b), l!=(a,b), l= or l!=`,
    );
  }
  const [, label = '', operator, rest = ''] = match;
  checkLabelName(label, `the label name of filter term ${quoted}`);
  const values = rest.startsWith('(') ? listOf(rest, quoted) : rest === '' ? [] : [rest];
  for (const value of values) checkLabelValue(value, `a value of filter term ${quoted}`);
  return { label, equal: operator === '=', values, text };
}

function listOf(rest: string, quoted: string): string[] {
  if (!rest.endsWith(')') || rest.length < 3) {
    throw new InvalidValueError(
      `bad filter term ${quoted}: a list is (a,b,…) with at least one value`,
    );
  }
  return rest.slice(1, -1).split(',');
}
