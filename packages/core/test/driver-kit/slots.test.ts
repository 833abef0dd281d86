import calculateSlot from 'cluster-key-slot';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/driver';
import { commandSlot, groupBySlot, routingKey, runGroups } from '../../src/driver-kit';
import { StorageError } from '../../src/errors';

describe('groupBySlot', () => {
  it('groups by the node of the first key, keeping batch order inside groups', () => {
    const commands = [
      ['GET', 'a'],
      ['GET', 'b'],
      ['GET', 'a'],
      ['GET', '{a}:x'],
    ] as const;
    const nodeOf = (slot: number) => (slot === calculateSlot('a') ? 'n1' : 'n2');
    expect(groupBySlot(commands, nodeOf)).toEqual([[0, 2, 3], [1]]);
  });

  it('gives unknown slots a group each', () => {
    expect(
      groupBySlot(
        [
          ['GET', 'a'],
          ['GET', 'b'],
          ['GET', 'a'],
        ],
        () => undefined,
      ),
    ).toEqual([[0, 2], [1]]);
  });

  it('rejects a command without a key before anything is sent', () => {
    expect(() => groupBySlot([['GET', 'a'], ['PING']], () => 'n')).toThrow(StorageError);
  });
});

describe('routingKey', () => {
  it('routes by the first argument, and scripts by their first declared key', () => {
    expect(routingKey(['RPUSH', 'k', 'v'])).toBe('k');
    expect(routingKey(['EVAL', 'return 1', 2, '{a}:x', '{a}:y', 'arg'])).toBe('{a}:x');
    expect(routingKey(['evalsha', 'abc', '1', 'k'])).toBe('k');
    expect(routingKey(['EVAL', 'return 1', 0])).toBeUndefined();
    expect(routingKey(['PING'])).toBeUndefined();
  });
});

describe('commandSlot', () => {
  it('is the slot of the routing key, hash tag included', () => {
    expect(commandSlot(['GET', '{a}:x'])).toBe(calculateSlot('a'));
    expect(commandSlot(['EVAL', 'return 1', 1, 'k'])).toBe(calculateSlot('k'));
    expect(commandSlot(['INCRBY', 12, 1])).toBe(calculateSlot('12'));
  });

  it('names a keyless command in its StorageError', () => {
    const error = (() => {
      try {
        return commandSlot(['PING']);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).command).toEqual(['PING']);
  });
});

describe('runGroups', () => {
  const commands: Command[] = [
    ['GET', 'a'],
    ['GET', 'b'],
    ['GET', 'c'],
    ['GET', 'd'],
  ];

  it('runs each group and puts the replies back in batch order', async () => {
    const seen: Command[][] = [];
    const replies = await runGroups(
      commands,
      [
        [0, 2],
        [1, 3],
      ],
      async (group) => {
        seen.push(group);
        return group.map(([, key]) => `v${String(key)}`);
      },
    );
    expect(replies).toEqual(['va', 'vb', 'vc', 'vd']);
    expect(seen).toEqual([
      [commands[0], commands[2]],
      [commands[1], commands[3]],
    ]);
  });

  it('reports the failure of the group holding the earliest command, once all settled', async () => {
    let settled = 0;
    const error = await runGroups(commands, [[0], [1], [2, 3]], async (group) => {
      const key = String(group[0]![1]);
      await new Promise((resolve) => setTimeout(resolve, key === 'b' ? 20 : 1));
      settled += 1;
      if (key === 'a') return ['ok'];
      throw new Error(`failed at ${key}`);
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toBe('Redis pipeline failed: failed at b');
    expect(settled).toBe(3);
  });

  it('treats a runner that throws at once like one that rejects', async () => {
    const error = await runGroups(commands, [[0, 1, 2, 3]], () => {
      throw new StorageError('no node', { command: commands[0]! });
    }).catch((e: unknown) => e);
    expect((error as StorageError).command).toEqual(['GET', 'a']);
  });
});
