import type { NameIndex } from './name-index';
import type { ResolvedOptions } from './options';

/** What every route file gets: the checked options and the shared name index. */
export interface RouteContext {
  readonly options: ResolvedOptions;
  readonly index: NameIndex;
}
