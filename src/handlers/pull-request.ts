import type { Context } from 'probot';
import type { HeadReviewer } from '../review/review-head.js';
import { reviewIfEligible } from './review-guard.js';

/** Events that put a new or revived head in front of reviewers; `ready_for_review` re-reviews a former draft. */
export const PULL_REQUEST_EVENTS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.ready_for_review',
] as const;

type PullRequestContext = Context<(typeof PULL_REQUEST_EVENTS)[number]>;

export function handlePullRequest(reviewer: HeadReviewer) {
  return async (context: PullRequestContext): Promise<void> => {
    const pullRequest = context.payload.pull_request;
    await reviewIfEligible(context, reviewer, pullRequest, pullRequest.head.sha);
  };
}
