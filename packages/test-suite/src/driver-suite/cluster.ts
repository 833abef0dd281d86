import { StorageError } from '@kairos/core';
import { uniquePrefix } from '../support/storage';
import { type DriverSuiteContext, holders } from './context';

/** A cluster driver: batches across slots, SCAN on every master, failures per slot group. */
export function clusterTests(ctx: DriverSuiteContext): void {
  const { expect } = ctx.api;

  ctx.test('runs a batch across many slots and puts the replies back in order', async () => {
    const driver = ctx.driver();
    const p = `${uniquePrefix('t')}:`;
    const keys = Array.from({ length: 300 }, (_, i) => `${p}${i}`);
    const writes = await driver.exec(keys.map((key, i) => ['SET', key, `v${i}`]));
    expect(writes).toEqual(keys.map(() => 'OK'));
    const mixed = await driver.exec(
      keys.flatMap((key, i) => [
        ['GET', key],
        ['INCRBY', `${key}:n`, i],
      ]),
    );
    expect(mixed).toEqual(keys.flatMap((_, i) => [`v${i}`, i]));

    const owners = await Promise.all(keys.slice(0, 60).map((key) => holders(ctx.masters(), key)));
    for (const owner of owners) expect(owner.length).toBe(1);
    expect(new Set(owners.map((owner) => owner[0])).size).toBe(ctx.masters().length);
  });

  ctx.test('scans every master and nothing else', async () => {
    const driver = ctx.driver();
    const p = `${uniquePrefix('t')}:`;
    const keys = Array.from({ length: 60 }, (_, i) => `${p}s${i}`);
    await driver.exec(keys.map((key) => ['SET', key, '1']));
    await driver.exec([['SET', `${p}other`, '1']]);
    const found: string[] = [];
    for await (const key of driver.scan(`${p}s*`)) found.push(key);
    expect(found.sort()).toEqual([...keys].sort());
    const owners = await Promise.all(keys.map((key) => holders(ctx.masters(), key)));
    expect(new Set(owners.map((owner) => owner[0])).size).toBe(ctx.masters().length);
  });

  ctx.test('names the failed command when one slot group fails', async () => {
    const driver = ctx.driver();
    const p = `${uniquePrefix('t')}:`;
    await driver.exec([['SET', `${p}str`, 'v']]);
    const commands = [
      ...Array.from({ length: 40 }, (_, i) => ['SET', `${p}ok${i}`, '1'] as const),
      ['HINCRBY', `${p}str`, 'f', 1] as const,
    ];
    const error = await driver.exec(commands).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).command).toEqual(['HINCRBY', `${p}str`, 'f', 1]);
    expect((error as StorageError).message).toMatch(/WRONGTYPE/);
  });

  ctx.test('rejects a keyless command before sending anything', async () => {
    const driver = ctx.driver();
    const p = `${uniquePrefix('t')}:`;
    const error = await driver.exec([['SET', `${p}a`, '1'], ['PING']]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).command).toEqual(['PING']);
    expect(await driver.exec([['EXISTS', `${p}a`]])).toEqual([0]);
  });
}
