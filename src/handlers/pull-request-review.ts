import type { Context } from 'probot';
import type { JobRequest } from '../queue/job-request.js';
import { installationOf } from './installation.js';

/** Reviews that can change whether a security reviewer has signed off. */
export const PULL_REQUEST_REVIEW_EVENTS = [
  'pull_request_review.submitted',
  'pull_request_review.dismissed',
] as const;

type ReviewContext = Context<(typeof PULL_REQUEST_REVIEW_EVENTS)[number]>;

/** An approval, a request for changes or a dismissal: the head's run may turn green, or back. */
export function pullRequestReviewJobs(context: ReviewContext): JobRequest[] {
  const { review, pull_request: pullRequest, repository } = context.payload;
  const installationId = installationOf(context);
  if (installationId === undefined || pullRequest.state !== 'open') return [];
  if (
    context.payload.action === 'submitted' &&
    review.state !== 'approved' &&
    review.state !== 'changes_requested'
  )
    return [];
  return [
    {
      kind: 'review',
      installationId,
      owner: repository.owner.login,
      repo: repository.name,
      pullNumber: pullRequest.number,
      headSha: pullRequest.head.sha,
      trigger: { kind: 'review-changed' },
      deliveryId: context.id,
      headObservedAt: pullRequest.updated_at,
    },
  ];
}
