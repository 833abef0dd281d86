import type { Redis } from 'ioredis';

/** One pipeline written on a connection and not yet answered. */
export interface Flight {
  /** The pipeline's ioredis commands. */
  readonly commands: ReadonlySet<unknown>;
  /** Settles the pipeline's call when its connection is lost. */
  lost(): void;
}

/** What a connection keeps of the commands it wrote (declared public by ioredis' types). */
interface Queue {
  readonly length: number;
  peekAt(index: number): { command: unknown } | undefined;
  remove(index: number, count: number): unknown;
}

const flightsOf = new WeakMap<Redis, Set<Flight>>();

/**
 * The unanswered pipelines of one connection. When it closes, ioredis keeps the commands
 * whose replies were lost and, by default (`autoResendUnfulfilledCommands`), sends them
 * again once reconnected: a write Redis had already run would run twice. So on `close`
 * each pipeline still in flight is taken out of those queues (it is never resent) and its
 * call fails at once with the connection lost, instead of waiting for a reconnection that
 * may be long or for the deadline.
 */
export function flightsOn(connection: Redis): Set<Flight> {
  let flights = flightsOf.get(connection);
  if (!flights) {
    const open = new Set<Flight>();
    // ioredis emits `close` on the next tick, before any reconnection can resend.
    connection.on('close', () => {
      for (const flight of open) {
        drop(connection, flight.commands);
        flight.lost();
      }
      open.clear();
    });
    flightsOf.set(connection, open);
    flights = open;
  }
  return flights;
}

/** Removes `commands` from the connection's queue of written commands and of resends. */
function drop(connection: Redis, commands: ReadonlySet<unknown>): void {
  const queues: (Queue | null | undefined)[] = [
    connection.commandQueue,
    (connection as unknown as { prevCommandQueue?: Queue | null }).prevCommandQueue,
  ];
  for (const queue of new Set(queues)) {
    if (!queue || typeof queue.peekAt !== 'function' || typeof queue.remove !== 'function')
      continue;
    for (let i = 0; i < queue.length; ) {
      const item = queue.peekAt(i);
      if (item && commands.has(item.command)) queue.remove(i, 1);
      else i++;
    }
  }
}
