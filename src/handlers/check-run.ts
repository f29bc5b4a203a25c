import type { Context } from 'probot';
import { CHECK_RUN_NAME } from '../review/checks.js';
import type { HeadReviewer } from '../review/review-head.js';
import type { HandlerResult } from './once-per-delivery.js';
import { reviewCommit } from './review-commit.js';
import { resultOf } from './review-guard.js';

/** "Re-run" on Posture's check run: GitHub expects a new run on the same head commit. */
export function handleCheckRunRerequested(reviewer: HeadReviewer) {
  return async (context: Context<'check_run.rerequested'>): Promise<HandlerResult> => {
    const checkRun = context.payload.check_run;
    if (checkRun.name !== CHECK_RUN_NAME) return 'done';
    return resultOf(await reviewCommit(context, reviewer, checkRun.head_sha, checkRun.pull_requests, { kind: 'rerun' }));
  };
}
