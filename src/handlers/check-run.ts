import type { Context } from 'probot';
import type { JobRequest } from '../queue/job-request.js';
import { CHECK_RUN_NAME } from '../review/checks.js';
import { ACCEPT_RISK_ACTION } from '../review/risk-acceptance.js';
import { commitJobs } from './commit-jobs.js';

/** "Re-run" on Posture's check run: GitHub expects a new run on the same head commit. */
export function checkRunRerequestedJobs(context: Context<'check_run.rerequested'>): JobRequest[] {
  const checkRun = context.payload.check_run;
  if (checkRun.name !== CHECK_RUN_NAME) return [];
  return commitJobs(context, checkRun.head_sha, checkRun.pull_requests, { kind: 'rerun' });
}

/**
 * "Accept risk" on a completed Posture run. Who clicked is checked by the review job; a click on
 * the run of a head that is no longer the pull request's is refused on that run.
 */
export function requestedActionJobs(context: Context<'check_run.requested_action'>): JobRequest[] {
  const { check_run: checkRun, requested_action: action, sender } = context.payload;
  if (checkRun.name !== CHECK_RUN_NAME || action?.identifier !== ACCEPT_RISK_ACTION.identifier)
    return [];
  const clickedRun = {
    id: checkRun.id,
    title: checkRun.output.title ?? '',
    summary: checkRun.output.summary ?? '',
  };
  return commitJobs(context, checkRun.head_sha, checkRun.pull_requests, {
    kind: 'accept-risk',
    by: sender.login,
    clickedRun,
  });
}
