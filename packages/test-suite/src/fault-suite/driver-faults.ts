import { StorageError } from '@kairos/core';
import {
  BOUND_MS,
  DEFAULT_BOUND_MS,
  eventually,
  type FaultContext,
  SLACK_MS,
  succeeds,
} from './context';

/** The driver alone while Redis goes away: bounded rejections, then recovery. */
export function driverFaultTests(ctx: FaultContext): void {
  const { expect } = ctx.api;

  ctx.api.it(
    'rejects within the bound while Redis is down, and works again after a restart',
    async () => {
      const driver = ctx.driver({ timeoutMs: BOUND_MS });
      expect(await driver.exec([['SET', 'k', '1']])).toEqual(['OK']);

      await ctx.server().stop();
      const started = Date.now();
      const error = await driver.exec([['INCR', 'k']]).catch((e: unknown) => e);
      const elapsed = Date.now() - started;
      expect(error).toBeInstanceOf(StorageError);
      // Well under the 10 s default: the driver honours the bound it was given.
      expect(elapsed).toBeLessThanOrEqual(BOUND_MS + SLACK_MS);

      const scanError = await (async () => {
        for await (const _ of driver.scan('*'));
      })().catch((e: unknown) => e);
      expect(scanError).toBeInstanceOf(StorageError);

      await ctx.server().restart();
      let reply: unknown;
      await eventually(async () => {
        reply = await driver.exec([['SET', 'k', '2']]).catch(() => null);
        return reply !== null;
      });
      expect(reply).toEqual(['OK']);
      expect(await driver.exec([['GET', 'k']])).toEqual(['2']);
    },
  );

  ctx.api.it('rejects within 10 s with the default bound', async () => {
    const driver = ctx.driver();
    await ctx.server().stop();
    const started = Date.now();
    const error = await driver.exec([['GET', 'k']]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(Date.now() - started).toBeLessThanOrEqual(DEFAULT_BOUND_MS + SLACK_MS);
    await ctx.server().restart();
    // Back before the next test, which counts on the client being connected.
    await eventually(() => succeeds(() => driver.exec([['PING']])));
  });
}
