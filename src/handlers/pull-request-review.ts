import type { Context } from 'probot';
import type { HeadReviewer } from '../review/review-head.js';
import type { HandlerResult } from './once-per-delivery.js';
import { resultOf, reviewIfEligible } from './review-guard.js';

/** Reviews that can change whether a security reviewer has signed off. */
export const PULL_REQUEST_REVIEW_EVENTS = ['pull_request_review.submitted', 'pull_request_review.dismissed'] as const;

type ReviewContext = Context<(typeof PULL_REQUEST_REVIEW_EVENTS)[number]>;

/** An approval, a request for changes or a dismissal: the head's run may turn green, or back. */
export function handlePullRequestReview(reviewer: HeadReviewer) {
  return async (context: ReviewContext): Promise<HandlerResult> => {
    const { review, pull_request: pullRequest } = context.payload;
    if (context.payload.action === 'submitted' && review.state !== 'approved' && review.state !== 'changes_requested') return 'done';
    return resultOf([await reviewIfEligible(context, reviewer, pullRequest, pullRequest.head.sha, { kind: 'review-changed' })]);
  };
}
