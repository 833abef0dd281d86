import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ClientKind } from '../clients';
import { CLIENT_LABELS } from '../clients';
import { admin } from '../measure';
import type { BenchContext } from './context';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('../stream-child.ts', import.meta.url));
const LIMIT_MB = 256;

/** (e): streams `streamPoints` points from an async generator in a child process per client. */
export async function streamScenario(ctx: BenchContext, kinds: readonly ClientKind[]) {
  const points = ctx.options.streamPoints;
  for (const kind of kinds) {
    await admin(ctx.port, ['FLUSHALL']);
    // The same loader flags (tsx) as this process, so the child runs TypeScript too.
    const { stdout } = await run(
      process.execPath,
      [
        ...process.execArgv,
        CHILD,
        kind,
        String(ctx.port),
        String(points),
        String(ctx.now),
        'scripted',
      ],
      { maxBuffer: 1 << 20 },
    );
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      ms: number;
      peakRssMb: number;
      chunksBeforeEnd: number;
    };
    const scenario = `(e) stream ${points.toLocaleString('en')} points (async generator), series`;
    const rate = Math.round(points / (result.ms / 1000)).toLocaleString('en');
    ctx.record({
      scenario,
      client: CLIENT_LABELS[kind],
      path: 'Kairos, scripted: peak RSS',
      value: result.peakRssMb,
      unit: 'MB',
      lowerIsBetter: true,
      floor: LIMIT_MB,
      note: `${rate} points/s; ${result.chunksBeforeEnd} chunks sent before the iterable ended`,
    });
  }
  await admin(ctx.port, ['FLUSHALL']);
}
