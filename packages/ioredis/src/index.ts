export { type IoredisDriverOptions, ioredisDriver } from './driver';
export { createTimeseries } from './timeseries';
