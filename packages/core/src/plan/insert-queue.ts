import type { Config } from '../config';
import { toStored } from '../validate';
import { WriteBatch } from './write-batch';
import type { Send } from './writer';

/** Inserts with more values than this are written on their own, as a bulk insert. */
export const QUEUED_VALUES_MAX = 1_000;

/**
 * Values after which a turn's batch is sent and the next one begun. With one batch a turn,
 * Node and Redis take turns: every caller resumes at once when its reply comes, and Redis
 * idles while they are planned. Several batches let the first replies come back while Redis
 * still runs the later ones, so Node plans while Redis works; 32 values per pipeline still
 * share its fixed cost widely (measured in tools/bench, scenario (c)).
 */
export const BATCH_VALUES = 32;

/**
 * Runs `fn` once the promise jobs queued now have run, so that every caller resumed by one
 * reply joins the batch first. process.nextTick, not a timer: fake timers in tests would
 * never fire a setImmediate, and an insert would hang.
 */
const later: (fn: () => void) => void =
  typeof process === 'object' && typeof process?.nextTick === 'function'
    ? (fn) => process.nextTick(fn)
    : (fn) => queueMicrotask(fn);

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Gathers the `insert` calls made before the pending promise jobs have run into coalesced
 * batches of about {@link BATCH_VALUES} values, one pipeline each (scripts with a scripting
 * driver), so that many concurrent callers do not each pay a client's per-call cost. Each insert is validated on its own before it
 * joins the batch, so a bad value rejects only its own call. A batch is one pipeline: when
 * Redis fails it, every insert of that batch rejects with the same error.
 */
export class InsertQueue {
  #batch: WriteBatch | undefined;
  #shift = 0;
  #waiters: Waiter[] = [];

  constructor(
    private readonly config: Config,
    private readonly send: Send,
  ) {}

  /**
   * Plans the values of one `insert` (its name already checked) into this turn's batch;
   * resolves once that batch is written.
   */
  add(name: string, seconds: number, values: readonly unknown[], shift: number): Promise<void> {
    // Every value is converted (write() runs once each) before any is planned, so a bad
    // one rejects this call without leaving part of it in the batch.
    const stored = values.map((value) => toStored(this.config, value, name));
    if (this.#batch && (shift !== this.#shift || this.#batch.size >= BATCH_VALUES)) this.#flush();
    if (!this.#batch) {
      this.#batch = new WriteBatch(this.config, this.config.clock());
      this.#shift = shift;
      const batch = this.#batch;
      later(() => {
        if (this.#batch === batch) this.#flush();
      });
    }
    for (const value of stored) this.#batch.add(name, seconds, value, shift);
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  #flush(): void {
    const batch = this.#batch;
    const waiters = this.#waiters;
    this.#batch = undefined;
    this.#waiters = [];
    if (!batch) return;
    let sent: Promise<unknown>;
    try {
      sent = this.send(batch.commands());
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      () => {
        for (const waiter of waiters) waiter.resolve();
      },
      (error: unknown) => {
        for (const waiter of waiters) waiter.reject(error);
      },
    );
  }
}
