import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useRealRedis } from '../src/index';
import { alive, eventually } from './helpers';

const child = fileURLToPath(new URL('./fixtures/start-and-hang.ts', import.meta.url));

describe.runIf(useRealRedis('tools/redis leaks'))('no leaked redis-server', () => {
  it('kills the server when its owner is SIGKILLed without cleanup', async () => {
    const owner = spawn(process.execPath, ['--import', 'tsx', child], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(owner.stdout, 'data')) as [Buffer];
    const { pid } = JSON.parse(line.toString()) as { pid: number };
    expect(alive(pid)).toBe(true);

    owner.kill('SIGKILL');
    expect(await eventually(() => !alive(pid), 5_000)).toBe(true);
  });

  it('kills the server when its owner exits without stopping it', async () => {
    const owner = spawn(process.execPath, ['--import', 'tsx', child, 'exit'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(owner.stdout, 'data')) as [Buffer];
    const { pid } = JSON.parse(line.toString()) as { pid: number };
    await once(owner, 'exit');
    expect(await eventually(() => !alive(pid), 2_000)).toBe(true);
  });
});
