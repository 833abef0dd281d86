/**
 * Where a value sits in the order used by `min`, `max` and the median of non-numeric data
 * (docs/ARCHITECTURE.md "Ordering of values"): 0 numbers (±Infinity included),
 * then 1 strings — numeric-looking ones too, so `'10' < '9'` — by UTF-16 code unit (JS `<`),
 * then 2 anything else.
 */
type Rank = 0 | 1 | 2;

/** A value with its rank and, for rank 0, its number: computed once per value. */
export interface Keyed {
  readonly value: unknown;
  readonly rank: Rank;
  readonly num: number;
}

/** Classifies `value` for {@link compareKeyed}. */
export function keyed(value: unknown): Keyed {
  if (typeof value === 'number') {
    // NaN is unordered; ranking it with the non-primitives keeps it out of numeric answers.
    return Number.isNaN(value) ? { value, rank: 2, num: 0 } : { value, rank: 0, num: value };
  }
  if (typeof value === 'string') return { value, rank: 1, num: 0 };
  return { value, rank: 2, num: 0 };
}

// JS `<` on anything else (bigints, booleans, Dates via valueOf) is what users of `read`
// expect; the cast only tells the compiler that the operator is applied as JS defines it.
type Relational = number | string | bigint;

/**
 * Negative when `a` sorts before `b`, positive after, 0 when equal or unordered (`0` and
 * `-0` are equal; two objects without a useful `valueOf` are unordered).
 */
export function compareKeyed(a: Keyed, b: Keyed): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank === 0) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  const x = a.value as Relational;
  const y = b.value as Relational;
  return x < y ? -1 : y < x ? 1 : 0;
}
