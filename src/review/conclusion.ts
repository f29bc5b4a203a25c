import { reachesThreshold } from '../engine/analyze.js';
import type { FileError, Finding } from '../model/finding.js';
import type { OnUnanalysable, Threshold } from '../policy/types.js';
import type { ReviewVerdict } from '../report/review-marker.js';

/** The conclusions a review can reach: the verdicts its hidden record keeps. */
export type ReviewConclusion = ReviewVerdict;

export interface ConclusionInput {
  /** the findings that count: new ones, and existing ones when the policy says so */
  counting: readonly Finding[];
  failOn: Threshold;
  /** GitHub hid part of the pull request */
  truncated: boolean;
  invalidPolicy: boolean;
  /** the changed configuration files whose head version Posture could not analyse */
  unanalysable: readonly FileError[];
  /** the policy's `on_unanalysable` */
  onUnanalysable: OnUnanalysable;
  /** present when the policy routes the pull request to security reviewers */
  securityReview?: { signedOff: boolean };
}

/** Whether files Posture could not analyse, or could not even list, fail the check on their own. */
export function unanalysableFails(
  unanalysable: readonly FileError[],
  onUnanalysable: OnUnanalysable,
  truncated = false,
): boolean {
  return onUnanalysable === 'fail' && (unanalysable.length > 0 || truncated);
}

/**
 * - `failure` when the repository's policy is invalid: a policy that cannot be applied must be
 *   fixed, not quietly replaced;
 * - `failure` when a changed configuration file could not be analysed and the policy says
 *   `on_unanalysable: fail` (the default), even if a security reviewer signed off: what
 *   routed the pull request to them, and what their approval and "Accept risk" cover, are the
 *   findings and surfaces Posture saw, and it saw nothing of that file. An approval also
 *   carries over to a later push whose routing did not change, so a file that became
 *   unreadable afterwards would pass unseen. The way through is a file Posture can read, or
 *   `on_unanalysable: warn` in the base branch's policy, itself a reviewed policy change;
 * - when the pull request needs a security reviewer, their decision replaces the threshold:
 *   `action_required` until one approves the head (or accepts the risk), `success` after, or
 *   `neutral` when the policy lets unread files through (`on_unanalysable: warn`): the
 *   approval covers what Posture saw, and an approval carried over from an earlier push never
 *   saw a file that became unreadable since;
 * - the same when GitHub could not list the whole change (trees too large to read): files nobody
 *   saw cannot pass;
 * - otherwise `failure` as soon as one open counting finding reaches the threshold, and an
 *   incomplete evaluation the policy lets through (`on_unanalysable: warn`) is `neutral`, never
 *   `success`.
 */
export function decideConclusion({
  counting,
  failOn,
  truncated,
  invalidPolicy,
  unanalysable,
  onUnanalysable,
  securityReview,
}: ConclusionInput): ReviewConclusion {
  if (invalidPolicy) return 'failure';
  if (unanalysableFails(unanalysable, onUnanalysable, truncated)) return 'failure';
  const incomplete = truncated || unanalysable.length > 0;
  if (securityReview) {
    if (!securityReview.signedOff) return 'action_required';
    return incomplete ? 'neutral' : 'success';
  }
  if (reachesThreshold(counting, failOn)) return 'failure';
  return incomplete ? 'neutral' : 'success';
}
