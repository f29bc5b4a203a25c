import type { Context } from 'probot';
import type { HeadReviewer } from '../review/review-head.js';
import type { ReviewTrigger } from '../review/review-target.js';
import { reviewIfEligible, type GuardedOutcome, type PullRequestSnapshot } from './review-guard.js';

/** A pull request as check_run and check_suite payloads list it. */
export interface ListedPullRequest {
  number: number;
  base: { repo: { id: number } };
}

/**
 * Reviews every open pull request whose head is `headSha`. The payload's list of pull requests
 * is empty when the head branch lives in a fork, so then the commit's pull requests are looked
 * up instead.
 */
export async function reviewCommit(
  context: Context<'check_run' | 'check_suite'>,
  reviewer: HeadReviewer,
  headSha: string,
  listed: readonly ListedPullRequest[],
  trigger: ReviewTrigger,
): Promise<GuardedOutcome[]> {
  const pullRequests = await pullRequestsForCommit(context, headSha, listed);
  const outcomes: GuardedOutcome[] = [];
  for (const pullRequest of pullRequests) outcomes.push(await reviewIfEligible(context, reviewer, pullRequest, headSha, trigger));
  if (!outcomes.some((outcome) => 'reviewed' in outcome)) context.log.info({ headSha }, 'no open pull request has this commit as its head; nothing to do');
  return outcomes;
}

async function pullRequestsForCommit(
  context: Context<'check_run' | 'check_suite'>,
  headSha: string,
  listed: readonly ListedPullRequest[],
): Promise<PullRequestSnapshot[]> {
  const repositoryId = context.payload.repository.id;
  // The list may name pull requests of other repositories that share the commit.
  const numbers = listed.filter((pull) => pull.base.repo.id === repositoryId).map((pull) => pull.number);
  if (numbers.length > 0) {
    // Re-read each one: the payload does not say whether it is still open.
    const responses = await Promise.all(numbers.map((pull_number) => context.octokit.rest.pulls.get(context.repo({ pull_number }))));
    return responses.map((response) => response.data);
  }
  const { data } = await context.octokit.rest.repos.listPullRequestsAssociatedWithCommit(context.repo({ commit_sha: headSha }));
  return data;
}
