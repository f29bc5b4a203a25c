import type { Logger } from 'pino';
import { reviewBody } from '../report/review-body.js';
import { describeError } from './describe-error.js';
import type { CommentPlan } from './inline-comments.js';
import type { GitHubClient, ReviewTarget } from './review-target.js';

export type InlineReviewOutcome =
  | { status: 'posted'; comments: number; fileComments: number; alreadyCommented: number }
  | { status: 'not-needed'; alreadyCommented: number }
  | { status: 'failed'; reason: string }
  /** the pull request got a new head while Posture was reviewing: nothing was posted against the old one */
  | { status: 'head-moved'; currentHead: string };

/**
 * Posts one COMMENT review with the inline comments on the analysed head commit, then the file
 * comments (GitHub takes those one request each). A rejected review (GitHub answers 422 when any
 * one comment falls outside the diff) is logged and reported, never thrown: the check run carries
 * every finding either way.
 */
export async function postReview(
  octokit: GitHubClient,
  target: ReviewTarget,
  plan: CommentPlan,
  totalFindings: number,
  log: Logger,
): Promise<InlineReviewOutcome> {
  if (plan.inline.length === 0 && plan.onFiles.length === 0) return { status: 'not-needed', alreadyCommented: plan.alreadyCommented };
  try {
    if (plan.inline.length > 0) {
      await octokit.rest.pulls.createReview({
        owner: target.owner,
        repo: target.repo,
        pull_number: target.pullNumber,
        commit_id: target.headSha,
        event: 'COMMENT',
        body: reviewBody({ commented: plan.inline.length + plan.onFiles.length, totalFindings, alreadyCommented: plan.alreadyCommented }),
        comments: [...plan.inline],
      });
    }
    for (const comment of plan.onFiles) {
      await octokit.rest.pulls.createReviewComment({
        owner: target.owner,
        repo: target.repo,
        pull_number: target.pullNumber,
        commit_id: target.headSha,
        path: comment.path,
        subject_type: 'file',
        body: comment.body,
      });
    }
    return { status: 'posted', comments: plan.inline.length, fileComments: plan.onFiles.length, alreadyCommented: plan.alreadyCommented };
  } catch (error) {
    const reason = describeError(error);
    log.warn({ pullNumber: target.pullNumber, headSha: target.headSha, reason }, 'review comments were not posted');
    return { status: 'failed', reason };
  }
}
