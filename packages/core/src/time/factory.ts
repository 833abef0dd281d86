import type { BucketCalc, CalcOptions } from './calc';
import { GregorianTime } from './gregorian';
import type { ParsedStep } from './parse-step';
import { RelativeTime } from './relative';

/**
 * The calc for a parsed step: {@link RelativeTime} for seconds, {@link GregorianTime} for a
 * calendar unit.
 *
 * @example bucketCalc(parseStep('1h', 'step')).toBucket(7200) // 2
 */
export function bucketCalc(step: ParsedStep, options?: CalcOptions): BucketCalc {
  return step.kind === 'relative'
    ? new RelativeTime(step.seconds, options)
    : new GregorianTime(step.unit, options);
}
