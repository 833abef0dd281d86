import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** One line per fact about the machine a run was made on. */
export function describeMachine(): string[] {
  const cpu = cpus();
  const version = (command: string) => {
    try {
      return execFileSync(command, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'not found';
    }
  };
  return [
    `CPU: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}`,
    `Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node ${process.version}, ${process.platform} ${process.arch}`,
    `redis-server: ${version('redis-server')}`,
    `Load average at start (1/5/15 min): ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ')}`,
  ];
}

/** The 1-minute load average, to show when other work shared the cores. */
export function loadNow(): string {
  return loadavg()[0]!.toFixed(2);
}
