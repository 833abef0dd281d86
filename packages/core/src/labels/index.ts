export { type Filter, type FilterTerm, parseFilter } from './filter';
export { LabelIndex } from './label-index';
export { LabelQueue } from './label-queue';
export { reduceResults } from './reduce';
export type { BySource, IterateEntry, RowOf, Source } from './results';
export { readSelected, type SelectedRead } from './selected-read';
export {
  type CheckedSelector,
  checkSelector,
  isSelector,
  type Reduction,
  type Selector,
  selectGroups,
} from './selector';
export { checkLabels, type Labels } from './validate';
