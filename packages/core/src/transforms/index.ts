/**
 * Built-in transforms: the statistics a read can apply to each bucket (`count` … `p99.9`).
 * The rest of the package imports transforms from this file only.
 */
export { applyTransform } from './by-type';
export { CompensatedSum } from './compensated-sum';
export {
  FIXED_TRANSFORM_NAMES,
  type FixedTransformName,
  isTransformName,
  type QuantileLevel,
  type QuantileName,
  quantileLevel,
  quantilePercent,
  SERIES_TYPES,
  type SeriesType,
  type TransformName,
} from './names';
export { numericValue } from './numeric';
