import { describe, expect, it } from 'vitest';
import { scanNode } from '../../src/driver-kit/scan';
import { StorageError } from '../../src/errors';

async function collect(keys: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const key of keys) out.push(key);
  return out;
}

describe('scanNode', () => {
  it('follows the cursor until Redis says 0, passing MATCH as given', async () => {
    const sent: string[][] = [];
    const pages: Record<string, unknown> = { '0': ['17', ['a', 'b']], '17': ['0', ['c']] };
    const send = async (args: string[]) => {
      sent.push(args);
      return pages[args[1]!];
    };
    const keys = await collect(scanNode(send, 'p\\*:*', 1_000));
    expect(keys).toEqual(['a', 'b', 'c']);
    expect(sent.map((args) => args.slice(0, 4))).toEqual([
      ['SCAN', '0', 'MATCH', 'p\\*:*'],
      ['SCAN', '17', 'MATCH', 'p\\*:*'],
    ]);
  });

  it('turns a failure or a reply of another shape into a StorageError', async () => {
    const failing = scanNode(async () => Promise.reject(new Error('down')), '*', 1_000);
    await expect(collect(failing)).rejects.toBeInstanceOf(StorageError);
    const odd = scanNode(async () => 'OK', '*', 1_000);
    await expect(collect(odd)).rejects.toThrow(/unexpected SCAN reply/);
  });
});
