import type { LabelIndex } from './label-index';
import type { Labels } from './validate';

/**
 * Gathers the labels given to the inserts of one turn of the event loop and writes them
 * once per name (the last labels given win), so that many inserts of a name cost one
 * index update, not one per value.
 */
export class LabelQueue {
  #pending: Map<string, Labels> | undefined;
  #written: Promise<void> | undefined;

  constructor(private readonly index: LabelIndex) {}

  /** Queues a name's (checked) labels; resolves once they are written. */
  add(name: string, labels: Labels): Promise<void> {
    if (!this.#pending || !this.#written) {
      const pending = new Map<string, Labels>();
      this.#pending = pending;
      this.#written = new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => {
        if (this.#pending === pending) this.#pending = undefined;
        return this.index.set(pending);
      });
    }
    this.#pending.set(name, labels);
    return this.#written;
  }
}
