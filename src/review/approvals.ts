/**
 * Whether a security reviewer has signed off the pull request's current head: the latest
 * decision (approve, request changes, dismissal) of some security reviewer other than the author
 * is an approval, given on the head itself or on an earlier commit whose review was routed for
 * exactly the same reasons.
 */
import type { SubmittedReview } from './pull-request-state.js';
import type { ReviewerCheck } from './security-reviewers.js';

export interface SecurityApproval {
  by: string;
  commitSha: string;
  submittedAt?: string;
}

export interface ApprovalQuestion {
  reviews: readonly SubmittedReview[];
  author: string | undefined;
  headSha: string;
  routingDigest: string;
  reviewers: ReviewerCheck;
  /** the routing digest Posture recorded for an earlier commit, if it reviewed it */
  routingDigestAt(commitSha: string): Promise<string | undefined>;
}

const DECISIONS = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/** Each reviewer's latest decision; comments decide nothing, as on GitHub. */
function latestDecisions(reviews: readonly SubmittedReview[]): SubmittedReview[] {
  const latest = new Map<string, SubmittedReview>();
  for (const review of reviews)
    if (DECISIONS.has(review.state)) latest.set(review.author.toLowerCase(), review);
  return [...latest.values()];
}

export async function findSecurityApproval(
  question: ApprovalQuestion,
): Promise<SecurityApproval | undefined> {
  const author = question.author?.toLowerCase();
  const approvals = latestDecisions(question.reviews)
    .filter(
      (review) =>
        review.state === 'APPROVED' && review.commitSha && review.author.toLowerCase() !== author,
    )
    // Approvals of the head itself need no look-back, so they are tried first.
    .sort(
      (a, b) => Number(b.commitSha === question.headSha) - Number(a.commitSha === question.headSha),
    );
  for (const review of approvals) {
    const commitSha = review.commitSha as string;
    if (!(await question.reviewers.isSecurityReviewer(review.author))) continue;
    if (
      commitSha !== question.headSha &&
      (await question.routingDigestAt(commitSha)) !== question.routingDigest
    )
      continue;
    return {
      by: review.author,
      commitSha,
      ...(review.submittedAt ? { submittedAt: review.submittedAt } : {}),
    };
  }
  return undefined;
}
