export { type AdapterSuitesOptions, adapterSuites } from './adapter-suites';
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
export { type ReliabilityOptions, reliabilitySuite } from './reliability/index';
