import { reachesThreshold } from '../engine/analyze.js';
import type { Finding } from '../engine/finding.js';
import type { Threshold } from '../policy/types.js';

export type ReviewConclusion = 'success' | 'failure' | 'neutral';

/**
 * `failure` as soon as one open (not waived or suppressed) finding reaches the threshold, or
 * when the repository's policy is invalid: a policy that cannot be applied must be fixed, not
 * quietly replaced. That holds even when GitHub hid part of the pull request: a known blocking
 * problem is not made acceptable by the files we could not see. Otherwise an incomplete
 * evaluation is `neutral`, never `success`.
 */
export function decideConclusion(findings: readonly Finding[], failOn: Threshold, truncated: boolean, invalidPolicy = false): ReviewConclusion {
  if (invalidPolicy || reachesThreshold(findings, failOn)) return 'failure';
  return truncated ? 'neutral' : 'success';
}
