/** Stands in for `@kairos/redis` when the README blocks run. */
export { adapterDriver as redisDriver, createTimeseries } from './adapter';
