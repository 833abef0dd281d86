/**
 * Key expiry for the mock, by the clock the driver is given (Unix seconds), instead of
 * ioredis-mock's own, which follows `Date.now()`. With a `manualClock` shared with the
 * Timeseries, one clock then decides the buckets, the TTLs sent and when keys disappear.
 */
export class Expiry {
  /** Unix-seconds deadline per key that has a TTL. */
  readonly #deadlines = new Map<string, number>();
  /** The earliest deadline, so a purge check is one comparison when nothing is due. */
  #next = Number.POSITIVE_INFINITY;

  constructor(readonly clock: () => number) {}

  /** Keys whose deadline has passed, forgotten here (the caller deletes them). */
  takeDue(): string[] {
    const now = this.clock();
    if (now < this.#next) return [];
    const due: string[] = [];
    this.#next = Number.POSITIVE_INFINITY;
    for (const [key, deadline] of this.#deadlines) {
      if (deadline <= now) {
        due.push(key);
        this.#deadlines.delete(key);
      } else if (deadline < this.#next) this.#next = deadline;
    }
    return due;
  }

  /** Sets `key` to expire `seconds` from now. */
  set(key: string, seconds: number): void {
    const deadline = this.clock() + seconds;
    this.#deadlines.set(key, deadline);
    if (deadline < this.#next) this.#next = deadline;
  }

  /** Removes the TTL of `key` (PERSIST, SET, DEL). */
  clear(key: string): void {
    this.#deadlines.delete(key);
  }

  /** Forgets every TTL (FLUSHALL). */
  clearAll(): void {
    this.#deadlines.clear();
    this.#next = Number.POSITIVE_INFINITY;
  }

  /**
   * Time left for `key` in units of `1 / perSecond` seconds (1: TTL, 1000: PTTL), rounded as
   * Redis rounds them, or undefined without a TTL.
   */
  remaining(key: string, perSecond = 1): number | undefined {
    const deadline = this.#deadlines.get(key);
    return deadline === undefined ? undefined : Math.round((deadline - this.clock()) * perSecond);
  }
}
