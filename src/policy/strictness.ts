/**
 * How strict a setting's value is, so that layering and policy edits agree on what "loosen" means.
 */
import { SEVERITIES, severityRank } from '../engine/finding.js';
import type { InlineSuppressions, Threshold } from './types.js';

/** `low` catches the most, `none` nothing. */
export function thresholdStrictness(threshold: Threshold): number {
  return threshold === 'none' ? 0 : SEVERITIES.length + 1 - severityRank(threshold);
}

const SUPPRESSIONS_FROM_LOOSEST: readonly InlineSuppressions[] = ['allow', 'deny-locked', 'deny'];

/** `allow` is the loosest, `deny` the strictest. */
export function suppressionStrictness(setting: InlineSuppressions): number {
  return SUPPRESSIONS_FROM_LOOSEST.indexOf(setting);
}
