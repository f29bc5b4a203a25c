/**
 * The single gate in front of "review this head": every trigger passes its pull request
 * through here, so the rules for what gets reviewed live in one place.
 */
import type { Context } from 'probot';
import type { HeadReviewer } from '../review/review-head.js';

/** The fields of a pull request the gate needs; webhook payloads and API responses both have them. */
export interface PullRequestSnapshot {
  number: number;
  state: string;
  head: { sha: string };
  base: { sha: string };
  changed_files?: number;
}

type RepositoryContext = Context<'pull_request' | 'check_run' | 'check_suite'>;

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
): Promise<boolean> {
  const reason = skipReason(context, pullRequest, headSha);
  if (reason) {
    context.log.info({ pullNumber: pullRequest.number, headSha }, `not reviewing: ${reason}`);
    return false;
  }
  const { owner, repo } = context.repo();
  await reviewer(context.octokit, context.log, {
    owner,
    repo,
    pullNumber: pullRequest.number,
    headSha,
    baseSha: pullRequest.base.sha,
    ...(pullRequest.changed_files === undefined ? {} : { changedFiles: pullRequest.changed_files }),
  });
  return true;
}
