/**
 * Check events name a commit and the pull requests GitHub links to it; for a fork's pull request
 * that list is empty, and a job first finds the pull requests of the commit.
 */
import type { Context } from 'probot';
import type { JobRequest } from '../queue/job-request.js';
import type { ReviewTrigger } from '../review/review-target.js';
import { installationOf } from './installation.js';

/** A pull request as check_run and check_suite payloads list it. */
export interface ListedPullRequest {
  number: number;
  base: { repo: { id: number } };
}

export function commitJobs(
  context: Context<'check_run' | 'check_suite'>,
  headSha: string,
  listed: readonly ListedPullRequest[],
  trigger: ReviewTrigger,
): JobRequest[] {
  const installationId = installationOf(context);
  if (installationId === undefined) return [];
  const { repository } = context.payload;
  const ref = { installationId, owner: repository.owner.login, repo: repository.name };
  // The list may name pull requests of other repositories that share the commit.
  const numbers = listed
    .filter((pull) => pull.base.repo.id === repository.id)
    .map((pull) => pull.number);
  if (numbers.length === 0)
    return [{ kind: 'find-pull-requests', ...ref, headSha, trigger, deliveryId: context.id }];
  return numbers.map((pullNumber) => ({
    kind: 'review' as const,
    ...ref,
    pullNumber,
    headSha,
    trigger,
    deliveryId: numbers.length === 1 ? context.id : `${context.id}/${pullNumber}`,
  }));
}
