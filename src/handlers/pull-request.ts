import type { Context } from 'probot';
import type { JobRequest } from '../queue/job-request.js';
import type { ReviewTrigger } from '../review/review-target.js';
import { installationOf } from './installation.js';

/** Events that put a new or revived head in front of reviewers; `ready_for_review` re-reviews a former draft. */
export const PULL_REQUEST_EVENTS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.ready_for_review',
] as const;

type PullRequestContext = Context<(typeof PULL_REQUEST_EVENTS)[number]>;

/** A push (or an opened, reopened or ready pull request): review its head, which is now the pull request's latest. */
export function pullRequestJobs(context: PullRequestContext): JobRequest[] {
  // A draft that becomes ready gets a fresh run: its security reviewers are only asked now.
  const { action } = context.payload;
  const trigger: ReviewTrigger =
    action === 'ready_for_review'
      ? { kind: 'rerun' }
      : action === 'reopened'
        ? { kind: 'push', reopened: true }
        : { kind: 'push' };
  return headJobs(context, trigger);
}

/**
 * A pull request moved to another base branch: the same head is now a different change, judged by
 * another branch's policy, so it gets a fresh run. Edits of the title or the description change
 * nothing Posture reads.
 */
export function baseChangedJobs(context: Context<'pull_request.edited'>): JobRequest[] {
  if (!context.payload.changes.base) return [];
  return headJobs(context, { kind: 'rerun' });
}

function headJobs(
  context: PullRequestContext | Context<'pull_request.edited'>,
  trigger: ReviewTrigger,
): JobRequest[] {
  const { pull_request: pullRequest, repository } = context.payload;
  const installationId = installationOf(context);
  if (installationId === undefined || pullRequest.state !== 'open') return [];
  return [
    {
      kind: 'review',
      installationId,
      owner: repository.owner.login,
      repo: repository.name,
      pullNumber: pullRequest.number,
      headSha: pullRequest.head.sha,
      trigger,
      deliveryId: context.id,
      headObservedAt: pullRequest.updated_at,
    },
  ];
}
