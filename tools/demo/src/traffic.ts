/**
 * Made-up API traffic for the demo: the same on every run (seeded), with an incident
 * (slow responses, 5xx errors, a growing queue) in the last third.
 */

/** One request. `at` is in Unix seconds. */
export interface Request {
  at: number;
  latencyMs: number;
  status: number;
  user: string;
  page: 'home' | 'pricing';
}

/** A queue depth sample per minute. */
export interface Sample {
  at: number;
  depth: number;
}

/** A small seeded PRNG (mulberry32): the demo prints the same shapes every time. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `minutes` minutes of requests ending at `now`, and a queue depth per minute. */
export function traffic(now: number, minutes: number): { requests: Request[]; queue: Sample[] } {
  const rand = random(42);
  const requests: Request[] = [];
  const queue: Sample[] = [];
  const first = Math.floor(now / 60) * 60 - (minutes - 1) * 60;
  for (let m = 0; m < minutes; m++) {
    const incident = m >= Math.floor(minutes * 0.7) && m < Math.floor(minutes * 0.85);
    const perMinute = Math.round(30 + 15 * Math.sin(m / 3) + rand() * 10);
    for (let r = 0; r < perMinute; r++) {
      const at = Math.min(first + m * 60 + rand() * 60, now);
      const slow = incident ? 250 : 0;
      const errorRate = incident ? 0.2 : 0.01;
      const roll = rand();
      requests.push({
        at,
        latencyMs: Math.round(12 + rand() ** 3 * 120 + rand() * slow),
        status: roll < errorRate ? 500 : roll < errorRate + 0.05 ? 404 : 200,
        user: `user${Math.floor(rand() ** 2 * 40)}`,
        page: rand() < 0.7 ? 'home' : 'pricing',
      });
    }
    const depth = incident ? 20 + (m - minutes * 0.7) * 15 : rand() * 5;
    queue.push({ at: Math.min(first + m * 60 + 59, now), depth: Math.round(depth) });
  }
  return { requests, queue };
}
