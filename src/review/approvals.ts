/**
 * Whether a security reviewer has signed off the pull request's current head: the latest
 * decision (approve, request changes, dismissal) of some security reviewer other than the author
 * is an approval, given on the head itself or on an earlier commit whose review was routed for
 * exactly the same reasons, and since the pull request last moved to another base branch: before
 * that, the reviewer judged the head against another base, which is another change (a head
 * approved against a branch that already holds most of it, then moved to `main`).
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
  /** when the pull request last moved to another base branch, if it did */
  baseChangedAt?: string;
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
        review.state === 'APPROVED' &&
        review.commitSha &&
        review.author.toLowerCase() !== author &&
        givenSince(review, question.baseChangedAt),
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

/** Whether a review was submitted after the moment given, if one is. */
function givenSince(review: SubmittedReview, moment: string | undefined): boolean {
  if (moment === undefined) return true;
  return review.submittedAt !== undefined && Date.parse(review.submittedAt) > Date.parse(moment);
}
