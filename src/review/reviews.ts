import type { Logger } from 'pino';
import { reviewBody } from '../report/review-body.js';
import { describeError } from './describe-error.js';
import type { InlineComment } from './inline-comments.js';
import type { GitHubClient, ReviewTarget } from './review-target.js';

export type InlineReviewOutcome =
  | { status: 'posted'; comments: number }
  | { status: 'not-needed' }
  | { status: 'failed'; reason: string };

/**
 * Posts one COMMENT review on the analysed head commit. A rejected review (GitHub answers 422
 * when any one comment falls outside the diff) is logged and reported, never thrown: the check
 * run carries every finding either way.
 */
export async function postInlineReview(
  octokit: GitHubClient,
  target: ReviewTarget,
  comments: readonly InlineComment[],
  totalFindings: number,
  log: Logger,
): Promise<InlineReviewOutcome> {
  if (comments.length === 0) return { status: 'not-needed' };
  try {
    await octokit.rest.pulls.createReview({
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pullNumber,
      commit_id: target.headSha,
      event: 'COMMENT',
      body: reviewBody({ commented: comments.length, totalFindings }),
      comments: [...comments],
    });
    return { status: 'posted', comments: comments.length };
  } catch (error) {
    const reason = describeError(error);
    log.warn({ pullNumber: target.pullNumber, headSha: target.headSha, reason }, 'inline review was not posted');
    return { status: 'failed', reason };
  }
}
