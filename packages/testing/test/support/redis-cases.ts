import type { Command } from '@kairos/core';

/** Batches whose last command fails on real Redis, and the error text it fails with. */
export const FAILURE_CASES: Array<[label: string, commands: Command[], cause: RegExp]> = [
  [
    'INCRBY on a non-number',
    [
      ['SET', 'k', 'abc'],
      ['INCRBY', 'k', 1],
    ],
    /not an integer/,
  ],
  [
    'INCR on a float string',
    [
      ['SET', 'k', '1.5'],
      ['INCR', 'k'],
    ],
    /not an integer/,
  ],
  ['INCRBY with a float increment', [['INCRBY', 'k', 1.5]], /not an integer/],
  [
    'INCRBYFLOAT on a non-number',
    [
      ['SET', 'k', 'abc'],
      ['INCRBYFLOAT', 'k', 1],
    ],
    /not a valid float/,
  ],
  ['INCRBYFLOAT with a bad increment', [['INCRBYFLOAT', 'k', 'x']], /not a valid float/],
  [
    'INCRBY overflow',
    [
      ['SET', 'k', '9223372036854775807'],
      ['INCRBY', 'k', 1],
    ],
    /overflow/,
  ],
  ['HINCRBY with a float', [['HINCRBY', 'h', 'f', 0.5]], /not an integer/],
  [
    'HINCRBY on a non-integer field',
    [
      ['HINCRBY', 'h', 'f', 1],
      ['HINCRBYFLOAT', 'h', 'f', 0.5],
      ['HINCRBY', 'h', 'f', 1],
    ],
    /hash value is not an integer/,
  ],
  [
    'RPUSH onto a set',
    [
      ['SADD', 'k', 'a'],
      ['RPUSH', 'k', 'b'],
    ],
    /^WRONGTYPE/,
  ],
  [
    'SADD onto a list',
    [
      ['RPUSH', 'k', 'a'],
      ['SADD', 'k', 'b'],
    ],
    /^WRONGTYPE/,
  ],
  [
    'HINCRBY onto a list',
    [
      ['RPUSH', 'k', 'a'],
      ['HINCRBY', 'k', 'f', 1],
    ],
    /^WRONGTYPE/,
  ],
  [
    'INCRBY onto a list',
    [
      ['RPUSH', 'k', 'a'],
      ['INCRBY', 'k', 1],
    ],
    /^WRONGTYPE/,
  ],
  [
    'GET of a list',
    [
      ['RPUSH', 'k', 'a'],
      ['GET', 'k'],
    ],
    /^WRONGTYPE/,
  ],
  [
    'LRANGE of a set',
    [
      ['SADD', 'k', 'a'],
      ['LRANGE', 'k', 0, -1],
    ],
    /^WRONGTYPE/,
  ],
  [
    'SMEMBERS of a list',
    [
      ['RPUSH', 'k', 'a'],
      ['SMEMBERS', 'k'],
    ],
    /^WRONGTYPE/,
  ],
  [
    'HGETALL of a list',
    [
      ['RPUSH', 'k', 'a'],
      ['HGETALL', 'k'],
    ],
    /^WRONGTYPE/,
  ],
  ['RPUSH without values', [['RPUSH', 'k']], /wrong number of arguments/],
  ['SADD without members', [['SADD', 'k']], /wrong number of arguments/],
  [
    'EXPIRE with a fraction',
    [
      ['SET', 'k', 'v'],
      ['EXPIRE', 'k', 1.5],
    ],
    /not an integer/,
  ],
  ['an unknown command', [['NOSUCHCOMMAND', 'k']], /unknown command/],
];
