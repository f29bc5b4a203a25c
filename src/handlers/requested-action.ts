import type { Context } from 'probot';
import { CHECK_RUN_NAME, replaceRunOutput } from '../review/checks.js';
import { refusedAcceptanceOutput } from '../review/accept-risk-check.js';
import type { HeadReviewer } from '../review/review-head.js';
import { ACCEPT_RISK_ACTION } from '../review/risk-acceptance.js';
import type { HandlerResult } from './once-per-delivery.js';
import { reviewCommit } from './review-commit.js';
import { resultOf } from './review-guard.js';

/**
 * "Accept risk" on a completed Posture run. Who clicked is checked in the review flow; here the
 * click is tied to its pull request, and a click on a run of an old head is refused on that run.
 */
export function handleRequestedAction(reviewer: HeadReviewer) {
  return async (context: Context<'check_run.requested_action'>): Promise<HandlerResult> => {
    const { check_run: checkRun, requested_action: action, sender } = context.payload;
    if (checkRun.name !== CHECK_RUN_NAME || action?.identifier !== ACCEPT_RISK_ACTION.identifier) return 'done';
    const clickedRun = { id: checkRun.id, title: checkRun.output.title ?? '', summary: checkRun.output.summary ?? '' };
    const trigger = { kind: 'accept-risk' as const, by: sender.login, clickedRun };
    const outcomes = await reviewCommit(context, reviewer, checkRun.head_sha, checkRun.pull_requests, trigger);
    if (!outcomes.some((outcome) => 'reviewed' in outcome)) {
      const refusal = 'this run is not for the pull request’s current head commit; accept the risk on the latest Posture run';
      await replaceRunOutput(context.octokit, context.repo(), checkRun.id, refusedAcceptanceOutput(trigger, refusal));
    }
    return resultOf(outcomes);
  };
}
