import { StorageError } from '@kairos/core';
import calculateSlot from 'cluster-key-slot';
import { describe, expect, it } from 'vitest';
import { withDeadline } from '../src/deadline';
import { toReply } from '../src/reply';
import { groupBySlot, routingKey } from '../src/slots';

describe('toReply', () => {
  it('keeps RESP2 shapes and flattens other client shapes', () => {
    expect(toReply(['a', 1, null, ['b']])).toEqual(['a', 1, null, ['b']]);
    expect(toReply(undefined)).toBeNull();
    expect(toReply(Buffer.from('x'))).toBe('x');
    expect(toReply(new Map([['f', '1']]))).toEqual(['f', '1']);
    expect(toReply({ f: '1', g: '2' })).toEqual(['f', '1', 'g', '2']);
    expect(toReply(new Set(['a']))).toEqual(['a']);
    expect(toReply(10n)).toBe('10');
    expect(toReply(true)).toBe(1);
    expect(() => toReply([new Error('nested')])).toThrow('nested');
  });
});

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

describe('withDeadline', () => {
  it('rejects with a StorageError when the work is too slow, and leaves no dangling rejection', async () => {
    const slow = new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 50));
    await expect(withDeadline(slow, 10, 'x')).rejects.toThrow(StorageError);
    await new Promise((resolve) => setTimeout(resolve, 80));
  });

  it('passes through the result in time', async () => {
    await expect(withDeadline(Promise.resolve(1), 100, 'x')).resolves.toBe(1);
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
