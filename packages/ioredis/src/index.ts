export { type IoredisDriverOptions, ioredisDriver, type ScriptingDriver } from './driver';
export { createTimeseries } from './timeseries';
