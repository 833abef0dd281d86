import type { SeriesType } from '../transforms';
import { countType } from './count';
import { gaugeType } from './gauge';
import { histogramType } from './histogram';
import { seriesType } from './series';
import { setType } from './set';
import type { TypeDef } from './type-def';

export type { KeyWrites, ReadFn, StoredValue, TypeDef } from './type-def';

/** The storage semantics of each series type. */
export const TYPES: Readonly<Record<SeriesType, TypeDef>> = {
  series: seriesType,
  histogram: histogramType,
  count: countType,
  gauge: gaugeType,
  set: setType,
};
