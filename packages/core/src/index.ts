export type { Fill } from './assemble/fill';
export type { Arg, Command, Driver, Reply } from './driver';
export {
  asStorageError,
  commandSlot,
  connectionLost,
  type DriverOptions,
  execWithDeadline,
  groupBySlot,
  resolveDriverOptions,
  routingKey,
  runGroups,
  type SendCommand,
  scanNode,
  toReply,
  withDeadline,
} from './driver-kit';
export type { SeriesDescription } from './dump/internals';
export {
  type DumpEnd,
  type DumpHeader,
  type DumpReader,
  dumpHeader,
  dumpLines,
  parseDumpLines,
} from './dump/lines';
export {
  type MigrateOptions,
  type MigrationInterval,
  type MigrationReport,
  migrate,
} from './dump/migrate';
export type {
  DumpData,
  DumpOptions,
  DumpRecord,
  ExactNumber,
  RestoreOptions,
  RestoreSummary,
} from './dump/record';
export {
  ConfigError,
  DumpFormatError,
  InvalidNameError,
  InvalidRecordError,
  InvalidValueError,
  KairosError,
  StorageError,
  UnknownIntervalError,
} from './errors';
export { escapeGlob, type KeyLayout, type ParsedKey, parseKey } from './keys';
export type {
  BySource,
  IterateEntry,
  Labels,
  Reduction,
  RowOf,
  Selector,
  Source,
} from './labels';
export type {
  BulkEntry,
  BulkInsertOptions,
  BulkInserts,
  GetOptions,
  InsertOptions,
  IntervalInfo,
  IntervalOptions,
  IntervalsOptions,
  IterateOptions,
  NamedTransforms,
  Properties,
  ReadOptions,
  SeriesOptions,
  TimeseriesOptions,
  Timestamp,
  Transform,
  TransformFunction,
  TransformName,
} from './options';
export type {
  BucketData,
  FineIntervalName,
  NamedResult,
  SeriesResult,
  Transformed,
} from './results';
export {
  type BucketCalc,
  type CalcOptions,
  type CalendarUnit,
  GregorianTime,
  type ParsedStep,
  parseStep,
  RelativeTime,
  type Step,
} from './time';
export { type Flattening, type IntervalName, Timeseries } from './timeseries';
export {
  applyTransform,
  FIXED_TRANSFORM_NAMES,
  type FixedTransformName,
  isTransformName,
  type QuantileName,
  type SeriesType,
} from './transforms';
