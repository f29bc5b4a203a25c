import type { Logger } from 'pino';
import { reviewBody } from '../report/review-body.js';
import { describeError } from './describe-error.js';
import type { CommentPlan, InlineComment } from './inline-comments.js';
import type { GitHubClient, ReviewTarget } from './review-target.js';

export type InlineReviewOutcome =
  | {
      status: 'posted';
      comments: number;
      fileComments: number;
      alreadyCommented: number;
      /** comments GitHub refused in a first attempt and that were left out of the second */
      notPosted?: number;
    }
  | { status: 'not-needed'; alreadyCommented: number }
  | { status: 'failed'; reason: string }
  /** the pull request got a new head while Posture was reviewing: nothing was posted against the old one */
  | { status: 'head-moved'; currentHead: string };

export interface ReviewPosting {
  /** comment bodies Posture has on the pull request now, to tell whether a failed write landed anyway */
  postedBodies(): Promise<ReadonlySet<string>>;
  /** whether the pull request adds this head line */
  isAddedLine(path: string, line: number): boolean;
}

/**
 * Posts one COMMENT review with the inline comments on the analysed head commit, then the file
 * comments (GitHub takes those one request each).
 *
 * A review is a write that must happen once: it is never retried blindly. When GitHub answers a
 * server error or no answer arrives, Posture looks whether the review landed before trying again.
 * When GitHub refuses it (422: a comment it cannot place), it is tried once more with only the
 * comments that cannot be refused (one line each, on a line the pull request adds); the others
 * are counted as not posted. A review that still fails is reported, never thrown: the check run
 * carries every finding either way.
 */
export async function postReview(
  octokit: GitHubClient,
  target: ReviewTarget,
  plan: CommentPlan,
  totalFindings: number,
  log: Logger,
  posting: ReviewPosting,
): Promise<InlineReviewOutcome> {
  if (plan.inline.length === 0 && plan.onFiles.length === 0)
    return { status: 'not-needed', alreadyCommented: plan.alreadyCommented };
  let inline = plan.inline;
  let notPosted = 0;
  try {
    if (inline.length > 0) {
      const body = reviewBody({
        commented: inline.length + plan.onFiles.length,
        totalFindings,
        alreadyCommented: plan.alreadyCommented,
      });
      const first = await createReviewOnce(octokit, target, body, inline, posting);
      if (first === 'refused') {
        const safe = inline
          .map(singleLine)
          .filter((comment) => posting.isAddedLine(comment.path, comment.line));
        notPosted = inline.length - safe.length;
        inline = safe;
        log.warn(
          { left: notPosted },
          'GitHub refused the review; posting it again without the comments it may not place',
        );
        if (
          safe.length > 0 &&
          (await createReviewOnce(octokit, target, body, safe, posting)) === 'refused'
        )
          throw new Error('GitHub refused the review twice');
      }
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
        request: { retries: 0 },
      });
    }
    return {
      status: 'posted',
      comments: inline.length,
      fileComments: plan.onFiles.length,
      alreadyCommented: plan.alreadyCommented,
      ...(notPosted > 0 ? { notPosted } : {}),
    };
  } catch (error) {
    const reason = describeError(error);
    log.warn(
      { pullNumber: target.pullNumber, headSha: target.headSha, reason },
      'review comments were not posted',
    );
    return { status: 'failed', reason };
  }
}

/** One review, written at most once: after an unclear failure, only if it did not land. */
async function createReviewOnce(
  octokit: GitHubClient,
  target: ReviewTarget,
  body: string,
  comments: readonly InlineComment[],
  posting: ReviewPosting,
): Promise<'posted' | 'refused'> {
  const write = () =>
    octokit.rest.pulls.createReview({
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pullNumber,
      commit_id: target.headSha,
      event: 'COMMENT',
      body,
      comments: [...comments],
      request: { retries: 0 },
    });
  try {
    await write();
    return 'posted';
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 422) return 'refused';
    if (typeof status !== 'number' || status < 500) throw error;
    const posted = await posting.postedBodies();
    if (comments.every((comment) => posted.has(comment.body))) return 'posted';
    await write();
    return 'posted';
  }
}

/** The comment on its first line only: GitHub places a one-line comment on a line the diff adds, whatever else it refuses. */
function singleLine(comment: InlineComment): InlineComment {
  return {
    path: comment.path,
    line: comment.start_line ?? comment.line,
    side: 'RIGHT',
    body: comment.body,
  };
}
