import { reachesThreshold } from '../engine/analyze.js';
import type { Finding } from '../engine/finding.js';
import type { Threshold } from '../policy/types.js';

export type ReviewConclusion = 'success' | 'failure' | 'neutral' | 'action_required';

export interface ConclusionInput {
  /** the findings that count: new ones, and existing ones when the policy says so */
  counting: readonly Finding[];
  failOn: Threshold;
  /** GitHub hid part of the pull request */
  truncated: boolean;
  invalidPolicy: boolean;
  /** present when the policy routes the pull request to security reviewers */
  securityReview?: { signedOff: boolean };
}

/**
 * - `failure` when the repository's policy is invalid: a policy that cannot be applied must be
 *   fixed, not quietly replaced;
 * - when the pull request needs a security reviewer, their decision replaces the threshold:
 *   `action_required` until one approves the head (or accepts the risk), `success` after;
 * - otherwise `failure` as soon as one open counting finding reaches the threshold, even when
 *   GitHub hid part of the pull request (a known blocking problem is not made acceptable by the
 *   files we could not see), and an incomplete evaluation is `neutral`, never `success`.
 */
export function decideConclusion({ counting, failOn, truncated, invalidPolicy, securityReview }: ConclusionInput): ReviewConclusion {
  if (invalidPolicy) return 'failure';
  if (securityReview) return securityReview.signedOff ? 'success' : 'action_required';
  if (reachesThreshold(counting, failOn)) return 'failure';
  return truncated ? 'neutral' : 'success';
}
