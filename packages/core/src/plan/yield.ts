/**
 * The real setImmediate (or setTimeout), taken when the module loads, so that fake timers
 * installed by a test later cannot stop a write half-way.
 */
const schedule: (fn: () => void) => unknown =
  typeof setImmediate === 'function' ? setImmediate : (fn: () => void) => setTimeout(fn, 0);

/**
 * Resolves on a later turn of the event loop. Some clients (node-redis) write a pipeline
 * to the socket only then; yielding after handing over a chunk lets Redis work on it while
 * the next chunk is planned, instead of after.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    schedule(resolve);
  });
}
