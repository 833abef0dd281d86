/**
 * Interval math: step parsing and the mapping between timestamps and bucket ids.
 * This file is the only entry point the rest of the package imports from.
 */
export type { BucketCalc, CalcOptions } from './calc';
export { bucketCalc } from './factory';
export { GregorianTime } from './gregorian';
export type { CalendarUnit, ParsedStep, Step } from './parse-step';
export { nominalSeconds, parseStep } from './parse-step';
export { bucketRange } from './range';
export { RelativeTime } from './relative';
export { validateTimeZone } from './zone';
