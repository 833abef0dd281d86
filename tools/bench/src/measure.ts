import { command } from '@kairos-tools/redis-server';

/** What one timed run cost. */
export interface Cost {
  /** Wall clock. */
  readonly ms: number;
  /** CPU of this Node process (all its threads, GC included). */
  readonly clientCpuMs: number;
  /** CPU of redis-server over the same span. */
  readonly redisCpuMs: number;
}

/** Times `run`, with this process' CPU and the server's CPU over the same span. */
export async function measure(port: number, run: () => Promise<unknown>): Promise<Cost> {
  const redis0 = await redisCpu(port);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const redisCpuMs = (await redisCpu(port)) - redis0;
  return { ms, clientCpuMs: (cpu.user + cpu.system) / 1000, redisCpuMs };
}

/** redis-server's CPU seconds so far, in ms (INFO cpu, main and child threads). */
export async function redisCpu(port: number): Promise<number> {
  const info = String(await command('127.0.0.1', port, ['INFO', 'cpu']));
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1]);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
}

/** Sends one admin command to the bench server (FLUSHALL of millions of keys takes a while). */
export function admin(port: number, args: (string | number)[]): Promise<unknown> {
  return command('127.0.0.1', port, args.map(String), 120_000);
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
