import { ConfigError, Timeseries } from '@kairos/core';
import type { BadInput } from './row';

/** Constructor options: ConfigError, and of course nothing sent. */
export const config: BadInput[] = [
  {
    title: 'config: unknown type',
    error: ConfigError,
    call: (s) =>
      new Timeseries(s.driver, { type: 'timer' as never, intervals: { m: { step: 60 } } }),
  },
  {
    title: 'config: no intervals',
    error: ConfigError,
    call: (s) => new Timeseries(s.driver, { type: 'count', intervals: {} }),
  },
  {
    title: "config: interval name with ':'",
    error: ConfigError,
    call: (s) => new Timeseries(s.driver, { type: 'count', intervals: { 'a:b': { step: 60 } } }),
  },
  {
    title: "config: interval name with '*'",
    error: ConfigError,
    call: (s) => new Timeseries(s.driver, { type: 'count', intervals: { 'm*': { step: 60 } } }),
  },
  {
    title: 'config: step "1x"',
    error: ConfigError,
    call: (s) => new Timeseries(s.driver, { type: 'count', intervals: { m: { step: '1x' } } }),
  },
  {
    title: 'config: step 0',
    error: ConfigError,
    call: (s) => new Timeseries(s.driver, { type: 'count', intervals: { m: { step: 0 } } }),
  },
  {
    title: 'config: resolution larger than step',
    error: ConfigError,
    call: (s) =>
      new Timeseries(s.driver, { type: 'count', intervals: { m: { step: 60, resolution: '1h' } } }),
  },
  {
    title: 'config: steps 0',
    error: ConfigError,
    call: (s) =>
      new Timeseries(s.driver, { type: 'count', intervals: { m: { step: 60, steps: 0 } } }),
  },
  {
    title: "config: prefix with '{'",
    error: ConfigError,
    call: (s) =>
      new Timeseries(s.driver, { type: 'count', prefix: 'a{b', intervals: { m: { step: 60 } } }),
  },
  {
    title: 'config: read that is not a function',
    error: ConfigError,
    call: (s) =>
      new Timeseries(s.driver, {
        type: 'series',
        read: 'Number' as never,
        intervals: { m: { step: 60 } },
      }),
  },
];
