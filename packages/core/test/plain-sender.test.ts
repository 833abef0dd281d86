import { describe, expect, it } from 'vitest';
import type { Command, Reply } from '../src/driver';
import { StorageError } from '../src/errors';
import { plainSender } from '../src/plan/plain';

/** An exec over a tiny keyspace of types: a write on a key of another type fails. */
function fakeExec(types: Map<string, string>) {
  const batches: Command[][] = [];
  const exec = async (commands: Command[]): Promise<Reply[]> => {
    batches.push(commands);
    let failed: Command | undefined;
    const replies = commands.map(([name, key]): Reply => {
      const k = String(key);
      if (name === 'TYPE') return types.get(k) ?? 'none';
      if (name === 'EXPIRE') return types.has(k) ? 1 : 0;
      const wants = name === 'RPUSH' ? 'list' : 'string';
      if (types.has(k) && types.get(k) !== wants) {
        failed ??= [name, k];
        return null;
      }
      types.set(k, wants);
      return 1;
    });
    if (failed) throw new StorageError('Redis command failed: WRONGTYPE', { command: failed });
    return replies;
  };
  return { exec, batches };
}

describe('plainSender', () => {
  it('sends the EXPIREs after the writes, replies in the order of the commands', async () => {
    const { exec, batches } = fakeExec(new Map());
    const send = plainSender(exec);
    const replies = await send([
      ['RPUSH', 'a', 'x'],
      ['INCRBYFLOAT', 'b', 1],
      ['EXPIRE', 'a', 60],
      ['EXPIRE', 'b', 60],
    ]);
    expect(replies).toEqual([1, 1, 1, 1]);
    expect(batches.map((batch) => batch.map(([name]) => name))).toEqual([
      ['RPUSH', 'INCRBYFLOAT'],
      ['EXPIRE', 'EXPIRE'],
    ]);
  });

  it('after a failed write, expires only the keys holding what was written there', async () => {
    const { exec, batches } = fakeExec(new Map([['foreign', 'string']]));
    const send = plainSender(exec);
    const error = await send([
      ['RPUSH', 'foreign', 'x'],
      ['RPUSH', 'ours', 'y'],
      ['EXPIRE', 'foreign', 60],
      ['EXPIRE', 'ours', 60],
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).command).toEqual(['RPUSH', 'foreign']);
    const expired = batches.flat().filter(([name]) => name === 'EXPIRE');
    expect(expired).toEqual([['EXPIRE', 'ours', 60]]);
  });

  it('rejects with the writes’ error when the TYPE check fails too (Redis gone)', async () => {
    let calls = 0;
    const send = plainSender(async () => {
      calls++;
      throw new StorageError(`lost ${calls}`, {});
    });
    await expect(
      send([
        ['RPUSH', 'a', 'x'],
        ['EXPIRE', 'a', 60],
      ]),
    ).rejects.toThrow('lost 1');
    expect(calls).toBe(2);
  });
});
