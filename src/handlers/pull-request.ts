import type { Context } from 'probot';
import type { JobRequest } from '../queue/job-request.js';
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
  const { pull_request: pullRequest, repository } = context.payload;
  const installationId = installationOf(context);
  if (installationId === undefined || pullRequest.state !== 'open') return [];
  // A draft that becomes ready gets a fresh run: its security reviewers are only asked now.
  const trigger =
    context.payload.action === 'ready_for_review'
      ? { kind: 'rerun' as const }
      : { kind: 'push' as const };
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
