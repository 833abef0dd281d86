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
export { type DriverSuiteOptions, driverSuite } from './driver-suite/index';
export type { FaultDriverOptions, FaultServer } from './fault-suite/context';
export { type FaultClient, type FaultSuiteOptions, faultSuite } from './fault-suite/index';
export { type MockDriver, mockDriver } from './mock/driver';
export { createMockTimeseries } from './mock-timeseries';
export { type ReliabilityOptions, reliabilitySuite } from './reliability/index';
