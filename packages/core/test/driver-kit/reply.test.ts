import { describe, expect, it } from 'vitest';
import { toReply } from '../../src/driver-kit';

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
