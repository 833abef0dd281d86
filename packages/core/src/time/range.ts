import type { BucketCalc } from './calc';

/**
 * Every bucket id from `first` to `last`, both included, in order, as the calc steps through
 * them (calendar ids are not consecutive integers: 20241231 is followed by 20250101).
 * Empty when `last < first`.
 *
 * @example bucketRange(new GregorianTime('monthly'), 202411, 202502) // [202411, 202412, 202501, 202502]
 */
export function bucketRange(calc: BucketCalc, first: number, last: number): number[] {
  const out: number[] = [];
  for (let b = first; b <= last; ) {
    out.push(b);
    const next = calc.shift(b, 1);
    // Guards against an id that the calc cannot advance (e.g. NaN) looping forever.
    if (!(next > b)) throw new RangeError(`bucket ${b} does not advance`);
    b = next;
  }
  return out;
}
