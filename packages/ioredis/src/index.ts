export { type IoredisDriverOptions, ioredisDriver } from './driver';
