/** How a bucket stores its values: the `type` option of a Timeseries. */
export type SeriesType = 'series' | 'histogram' | 'count' | 'gauge' | 'set';

/** Every series type, in the order the docs list them. */
export const SERIES_TYPES: readonly SeriesType[] = ['series', 'histogram', 'count', 'gauge', 'set'];

/** The built-in transforms that are not quantiles. */
export const FIXED_TRANSFORM_NAMES = [
  'count',
  'sum',
  'mean',
  'min',
  'max',
  'rate',
  'first',
  'last',
  'median',
  'stddev',
] as const;

/** A built-in transform other than a quantile. */
export type FixedTransformName = (typeof FIXED_TRANSFORM_NAMES)[number];

type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
/** 0 to 99 without a leading zero. */
type Below100 = Digit | `${Exclude<Digit, '0'>}${Digit}`;

/**
 * A quantile transform: `p` and a percentage from 0 to 100, decimals allowed below 100
 * (`p50`, `p99.9`). Typos such as `p999`, `p101`, `p-5` or `P50` are type errors; what the
 * type cannot express (a leading zero, `p100.0`) is accepted at run time by
 * {@link isTransformName}, which has the final word.
 */
export type QuantileName = `p${Below100 | '100'}` | `p${Below100}.${bigint}`;

/**
 * A built-in transform name: `count`, `sum`, `mean`, `min`, `max`, `rate`, `first`, `last`,
 * `median`, `stddev`, or a quantile `p<N>` with 0 ≤ N ≤ 100 (`p50`, `p95`, `p99.9`).
 * A name that is not one of these fails to compile; a name only known at run time can be
 * checked with {@link isTransformName}.
 */
export type TransformName = FixedTransformName | QuantileName;

const FIXED: ReadonlySet<string> = new Set(FIXED_TRANSFORM_NAMES);

// Plain decimal digits only: 'p1e1', 'p+5', 'p.5', 'p5.' and 'P50' are typos, not quantiles.
const QUANTILE = /^p(\d+(?:\.\d+)?)$/;

/**
 * The percentage of a quantile name (`'p99.9'` → `99.9`), or `undefined` when `name` is not
 * a quantile from `p0` to `p100`.
 */
export function quantilePercent(name: string): number | undefined {
  const match = QUANTILE.exec(name);
  if (match === null) return undefined;
  const percent = Number(match[1]);
  return percent <= 100 ? percent : undefined;
}

/** A quantile level as an exact fraction of integers: `p99.9` is 999 / 1000. */
export interface QuantileLevel {
  readonly numerator: number;
  readonly denominator: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The level of a quantile name as a reduced fraction (`'p50'` → 1/2, `'p99.9'` → 999/1000),
 * or `undefined` when `name` is not a quantile from `p0` to `p100`. A fraction of integers
 * lets the quantile position be computed with a single rounding: `0.999` has no exact
 * binary form, `999 / 1000` does.
 */
export function quantileLevel(name: string): QuantileLevel | undefined {
  const match = QUANTILE.exec(name);
  if (match === null || Number(match[1]) > 100) return undefined;
  const [whole = '', decimals = ''] = match[1]!.split('.');
  let numerator = Number(whole + decimals);
  let denominator = 100 * 10 ** decimals.length;
  // Absurdly long decimals are not exact integers any more; their ratio is still close.
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) {
    const divisor = gcd(numerator, denominator);
    numerator /= divisor;
    denominator /= divisor;
  }
  return { numerator, denominator };
}

/**
 * Whether `name` is a built-in transform. Quantiles go from `p0` to `p100` with optional
 * decimals (`p99.9`); `p101`, `p-1`, `pabc` and `P50` are rejected (names are case-sensitive).
 */
export function isTransformName(name: string): name is TransformName {
  return FIXED.has(name) || quantilePercent(name) !== undefined;
}
