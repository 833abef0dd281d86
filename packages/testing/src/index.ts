export { type ManualClock, manualClock } from './clock';
export { type MockDriver, type MockDriverOptions, mockDriver } from './mock/driver';
export { createMockTimeseries, type MockTimeseries } from './mock-timeseries';
