export {
  defineConfig,
  type KairosConfig,
  type ReadAs,
  type RedisTarget,
  type SeriesEntry,
} from './config/types';
