export { type ManualClock, manualClock } from './clock';
export type {
  Assertion,
  ConformanceFeatures,
  ConformanceOptions,
  TestApi,
  TestFn,
} from './conformance/api';
export type { Fixture, FreshOptions, SuiteContext } from './conformance/context';
export { conformanceSuite } from './conformance/index';
export { type MockDriver, mockDriver } from './mock/driver';
export { createMockTimeseries } from './mock-timeseries';
export { type ReliabilityOptions, reliabilitySuite } from './reliability/index';
