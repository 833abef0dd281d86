export type { Arg, Command, Driver, Reply } from './driver';
export {
  ConfigError,
  InvalidNameError,
  InvalidValueError,
  KairosError,
  StorageError,
  UnknownIntervalError,
} from './errors';
