export { createApp } from './app';
export type { ErrorBody } from './http-error';
export {
  type AnyTimeseries,
  type AppOptions,
  DEFAULT_LIMITS,
  type Limits,
} from './options';
export type { SeriesRow } from './read';
export {
  DEFAULT_HOST,
  DEFAULT_PORT,
  type RunningServer,
  type ServeOptions,
  serve,
  serveSeries,
} from './serve';
