/** Stands in for `@kairos/ioredis` when the README blocks run. */
export { adapterDriver as ioredisDriver, createTimeseries } from './adapter';
