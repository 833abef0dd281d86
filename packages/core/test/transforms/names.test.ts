import { describe, expect, it } from 'vitest';
import {
  FIXED_TRANSFORM_NAMES,
  isTransformName,
  quantileLevel,
  quantilePercent,
  type TransformName,
} from '../../src/transforms';

describe('isTransformName', () => {
  it.each([...FIXED_TRANSFORM_NAMES])('accepts %s', (name) => {
    expect(isTransformName(name)).toBe(true);
  });

  it.each(['p0', 'p1', 'p50', 'p95', 'p99', 'p99.9', 'p99.99', 'p100', 'p100.0', 'p0.5', 'p05'])(
    'accepts the quantile %s',
    (name) => {
      expect(isTransformName(name)).toBe(true);
    },
  );

  it.each([
    'p101',
    'p100.1',
    'p-1',
    'pabc',
    'P50',
    'p',
    'p.5',
    'p5.',
    'p1e1',
    'p+5',
    'p 5',
    'p5 ',
    'Mean',
    'avg',
    '',
    'rates',
    'toString',
    'constructor',
  ])('rejects %j', (name) => {
    expect(isTransformName(name)).toBe(false);
  });

  it('narrows to TransformName', () => {
    const name: string = 'p99.9';
    if (isTransformName(name)) {
      const typed: TransformName = name;
      expect(typed).toBe('p99.9');
    }
  });
});

describe('quantilePercent', () => {
  it('reads the percentage', () => {
    expect(quantilePercent('p0')).toBe(0);
    expect(quantilePercent('p99.9')).toBe(99.9);
    expect(quantilePercent('p100')).toBe(100);
  });

  it('is undefined for anything else', () => {
    expect(quantilePercent('p101')).toBeUndefined();
    expect(quantilePercent('median')).toBeUndefined();
  });
});

describe('quantileLevel', () => {
  it('is a reduced fraction of integers', () => {
    expect(quantileLevel('p50')).toEqual({ numerator: 1, denominator: 2 });
    expect(quantileLevel('p99.9')).toEqual({ numerator: 999, denominator: 1000 });
    expect(quantileLevel('p0')).toEqual({ numerator: 0, denominator: 1 });
    expect(quantileLevel('p100')).toEqual({ numerator: 1, denominator: 1 });
    expect(quantileLevel('p12.50')).toEqual({ numerator: 1, denominator: 8 });
  });

  it('is undefined for anything else', () => {
    expect(quantileLevel('p100.5')).toBeUndefined();
    expect(quantileLevel('count')).toBeUndefined();
  });
});
