import { describe, expect, it } from 'vitest';
import { InvalidNameError, InvalidValueError } from '../src/errors';
import { Timeseries } from '../src/timeseries';

/** A driver that fails the test if anything reaches it. */
const untouched = {
  cluster: false,
  exec: () => Promise.reject(new Error('nothing may be sent')),
  // biome-ignore lint/correctness/useYield: it must never be iterated
  scan: async function* () {
    throw new Error('nothing may be scanned');
  },
};

describe('lone surrogates, which Redis clients would send as U+FFFD', () => {
  const t = new Timeseries(untouched, { type: 'series', intervals: { m: { step: 60 } } });

  it.each(['a\uD800', '\uDC00b', 'x\uDC00\uD800y'])('reject the name %j', async (name) => {
    await expect(t.insert(name, 'v')).rejects.toBeInstanceOf(InvalidNameError);
    await expect(t.delete(name)).rejects.toBeInstanceOf(InvalidNameError);
    await expect(t.properties(name)).rejects.toBeInstanceOf(InvalidNameError);
  });

  it.each(['a\uD800', '\uDC00'])('reject the value %j', async (value) => {
    await expect(t.insert('ok', ['fine', value])).rejects.toBeInstanceOf(InvalidValueError);
  });

  it('accept surrogate pairs (emoji) in names and values', async () => {
    const sent: unknown[] = [];
    const recording = {
      ...untouched,
      exec: async (commands: readonly unknown[]) => {
        sent.push(...commands);
        return commands.map(() => 1);
      },
    };
    const ok = new Timeseries(recording, { type: 'series', intervals: { m: { step: 60 } } });
    await ok.insert('🎉', '👩‍👩‍👧', { timestamp: 60 });
    expect(JSON.stringify(sent)).toContain('🎉:m:1');
    expect(JSON.stringify(sent)).toContain('👩‍👩‍👧');
  });
});
