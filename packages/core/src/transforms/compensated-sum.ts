/**
 * A running sum with Neumaier's compensation: the low-order bits that plain `+=` drops are
 * kept in a second term, so summing millions of values (or values of very different sizes)
 * does not drift. Accurate to about one rounding of the true sum.
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  /** Adds `x`. */
  add(x: number): void {
    const t = this.sum + x;
    // Whichever operand is smaller lost bits in `t`; recover them.
    if (Math.abs(this.sum) >= Math.abs(x)) this.compensation += this.sum - t + x;
    else this.compensation += x - t + this.sum;
    this.sum = t;
  }

  /** The sum so far. */
  get value(): number {
    // Once the sum overflowed the compensation is NaN (Infinity - Infinity); the sum is the answer.
    return Number.isFinite(this.sum) ? this.sum + this.compensation : this.sum;
  }
}
