import { describe, expect, it } from 'vitest';
import { parseJsonWithComments } from '../src/config/jsonc';
import { UsageError } from '../src/errors';
import { csvLines, jsonLines, tableLines } from '../src/output/formats';
import { toFrame } from '../src/output/frame';
import { formatNumber } from '../src/output/numbers';
import { isoInZone } from '../src/output/zone';
import { parseTime } from '../src/time';
import { drawFrame } from '../src/watch/draw';

// Pure pieces, without Redis: what the spawned-binary tests rely on, checked at the edges.
describe('parseTime', () => {
  const now = 1_700_000_000;
  it.each([
    ['now', now],
    ['1699999999.5', 1_699_999_999.5],
    ['-90s', now - 90],
    ['-15m', now - 900],
    ['-2h', now - 7200],
    ['-7d', now - 7 * 86_400],
    ['-1w', now - 604_800],
    ['+1h', now + 3600],
    ['2025-01-01T00:00:00Z', 1_735_689_600],
    ['2025-01-01T01:00:00+01:00', 1_735_689_600],
  ])('reads %s', (text, seconds) => {
    expect(parseTime(text, '--start', now)).toBe(seconds);
  });

  it.each(['yesterday', '-5x', '2025-13-45', '', '1e9'])(
    'rejects %j naming the flag and the forms',
    (text) => {
      expect(() => parseTime(text, '--end', now)).toThrow(UsageError);
      expect(() => parseTime(text, '--end', now)).toThrow(
        /^--end: cannot read .* use Unix seconds, an ISO 8601/,
      );
    },
  );
});

describe('parseJsonWithComments', () => {
  it('ignores comments but not comment-like text in strings', () => {
    expect(parseJsonWithComments('{ // a\n "u": "redis://h:1/*x*/", /* b\n c */ "n": 1 }')).toEqual(
      {
        u: 'redis://h:1/*x*/',
        n: 1,
      },
    );
  });
  it('reports the line of a syntax error after comments', () => {
    expect(() => parseJsonWithComments('{\n // c\n "a": 1,\n}')).toThrow(/line 4/);
  });
});

describe('output formats', () => {
  const tracks = [
    {
      name: 'a',
      rows: new Map<number, unknown>([
        [60, { mean: 1.23456, max: 2 }],
        [120, { mean: null, max: null }],
      ]),
    },
    { name: 'b', rows: new Map<number, unknown>([[60, { mean: 1e6 / 3, max: 'x,"y"' }]]) },
  ];

  it('splits several transforms into columns, quoting CSV cells', () => {
    const frame = toFrame(tracks, ['mean', 'max']);
    expect(frame.columns).toEqual(['a.mean', 'a.max', 'b.mean', 'b.max']);
    expect([...csvLines(frame, undefined)].join('')).toBe(
      `time,a.mean,a.max,b.mean,b.max\n60,1.23456,2,${1e6 / 3},"x,""y"""\n120,,,,\n`,
    );
  });

  it('aligns a table and rounds its numbers', () => {
    const lines = tableLines(toFrame([tracks[0]!], ['mean', 'max']), 'UTC');
    expect(lines).toEqual([
      'time                 a.mean  a.max\n',
      '1970-01-01 00:01:00   1.235      2\n',
      '1970-01-01 00:02:00       -      -\n',
    ]);
  });

  it('writes JSON that parses, empty or not', () => {
    expect(JSON.parse([...jsonLines([], false)].join(''))).toEqual([]);
    expect(JSON.parse([...jsonLines([tracks[1]!], true)].join(''))).toEqual([
      { time: 60, name: 'b', value: { mean: 1e6 / 3, max: 'x,"y"' } },
    ]);
  });

  it.each([
    [3, '3'],
    [0.0012346, '0.001235'],
    [12.3456, '12.35'],
    [-1234.567, '-1235'],
    [123456.78, '123457'],
  ])('rounds %d to %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('writes ISO times with the zone offset', () => {
    expect(isoInZone(1_735_689_600, 'Asia/Kolkata')).toBe('2025-01-01T05:30:00+05:30');
    expect(isoInZone(1_735_689_600, 'UTC')).toBe('2025-01-01T00:00:00Z');
  });
});

describe('drawFrame', () => {
  const lines = [
    { label: 'api', values: [1, 2, null, 4, 8] },
    { label: 'web', values: [null, null] },
  ];
  it('fits the terminal and shows the statistics of the window', () => {
    const frame = drawFrame(lines, { title: 'title', status: 'status', columns: 40, rows: 10 });
    expect(frame.length).toBeLessThanOrEqual(10);
    for (const line of frame) expect([...line].length).toBeLessThanOrEqual(40);
    expect(frame).toContain('api  now 8  min 1  max 8  mean 3.75');
    expect(frame).toContain('web  no data in the window');
    expect(frame.at(-1)).toBe('status');
  });
  it('falls back to a one-line sparkline when space is short', () => {
    const frame = drawFrame(lines.slice(0, 1), { title: 't', status: 's', columns: 30, rows: 4 });
    expect(frame).toHaveLength(4);
    expect(frame[2]).toMatch(/^ {7}8 [▁▂▃▄▅▆▇█ ·]{5}$/);
  });
});
