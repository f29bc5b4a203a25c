import type { Context } from 'probot';
import type { HeadReviewer } from '../review/review-head.js';
import type { HandlerResult } from './once-per-delivery.js';
import { resultOf, reviewIfEligible } from './review-guard.js';

/** Events that put a new or revived head in front of reviewers; `ready_for_review` re-reviews a former draft. */
export const PULL_REQUEST_EVENTS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.ready_for_review',
] as const;

type PullRequestContext = Context<(typeof PULL_REQUEST_EVENTS)[number]>;

export function handlePullRequest(reviewer: HeadReviewer) {
  return async (context: PullRequestContext): Promise<HandlerResult> => {
    const pullRequest = context.payload.pull_request;
    // A draft that becomes ready gets a fresh run: its security reviewers are only asked now.
    const trigger = context.payload.action === 'ready_for_review' ? { kind: 'rerun' as const } : { kind: 'push' as const };
    return resultOf([await reviewIfEligible(context, reviewer, pullRequest, pullRequest.head.sha, trigger)]);
  };
}
