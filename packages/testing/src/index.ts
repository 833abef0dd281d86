export { type ManualClock, manualClock } from './clock';
export { type MockDriver, mockDriver } from './mock/driver';
export { createMockTimeseries } from './mock-timeseries';
