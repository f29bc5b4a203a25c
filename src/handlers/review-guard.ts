/**
 * The single gate in front of "review this head": every trigger passes its pull request
 * through here, so the rules for what gets reviewed live in one place.
 */
import type { Context } from 'probot';
import type { HeadReviewer, ReviewOutcome } from '../review/review-head.js';
import type { ReviewTrigger } from '../review/review-target.js';

/** The fields of a pull request the gate needs; webhook payloads and API responses both have them. */
export interface PullRequestSnapshot {
  number: number;
  state: string;
  head: { sha: string };
  base: { sha: string };
  changed_files?: number;
  html_url?: string;
  user?: { login: string } | null;
  draft?: boolean;
}

type RepositoryContext = Context<'pull_request' | 'pull_request_review' | 'check_run' | 'check_suite'>;

export type GuardedOutcome = { reviewed: ReviewOutcome } | { skipped: string };

/** Why a pull request is not reviewed at `headSha`; undefined when it should be. Drafts are reviewed too. */
export function skipReason(context: RepositoryContext, pullRequest: PullRequestSnapshot, headSha: string): string | undefined {
  const { installation } = context.payload as { installation?: { id: number } };
  if (!installation) return 'the event carries no installation, so Posture cannot act on the repository';
  if (pullRequest.state !== 'open') return 'the pull request is not open';
  if (pullRequest.head.sha !== headSha) return 'the pull request has moved on to a newer head commit';
  return undefined;
}

export async function reviewIfEligible(
  context: RepositoryContext,
  reviewer: HeadReviewer,
  pullRequest: PullRequestSnapshot,
  headSha: string,
  trigger: ReviewTrigger,
): Promise<GuardedOutcome> {
  const reason = skipReason(context, pullRequest, headSha);
  if (reason) {
    context.log.info({ pullNumber: pullRequest.number, headSha }, `not reviewing: ${reason}`);
    return { skipped: reason };
  }
  const { owner, repo } = context.repo();
  const reviewed = await reviewer(
    context.octokit,
    context.log,
    {
      owner,
      repo,
      pullNumber: pullRequest.number,
      headSha,
      baseSha: pullRequest.base.sha,
      ...(pullRequest.changed_files === undefined ? {} : { changedFiles: pullRequest.changed_files }),
      ...(pullRequest.html_url ? { htmlUrl: pullRequest.html_url } : {}),
      ...(pullRequest.user?.login ? { author: pullRequest.user.login } : {}),
      ...(pullRequest.draft === undefined ? {} : { draft: pullRequest.draft }),
    },
    trigger,
  );
  return { reviewed };
}

/** A delivery is worth redelivering when a review it started could not be done. */
export function resultOf(outcomes: readonly GuardedOutcome[]) {
  return outcomes.some((outcome) => 'reviewed' in outcome && outcome.reviewed === 'failed') ? 'retry' : 'done';
}
