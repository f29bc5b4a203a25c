import type { Context } from 'probot';
import type { HeadReviewer } from '../review/review-head.js';
import type { HandlerResult } from './once-per-delivery.js';
import { reviewCommit } from './review-commit.js';
import { resultOf } from './review-guard.js';

/** "Re-run all checks" on a suite of Posture's: review the suite's head commit again. */
export function handleCheckSuiteRerequested(reviewer: HeadReviewer) {
  return async (context: Context<'check_suite.rerequested'>): Promise<HandlerResult> => {
    const suite = context.payload.check_suite;
    return resultOf(await reviewCommit(context, reviewer, suite.head_sha, suite.pull_requests, { kind: 'rerun' }));
  };
}
