import type { Context } from 'probot';
import type { JobRequest } from '../queue/job-request.js';
import { commitJobs } from './commit-jobs.js';

/** "Re-run all checks" on a suite of Posture's: review the suite's head commit again. */
export function checkSuiteRerequestedJobs(
  context: Context<'check_suite.rerequested'>,
): JobRequest[] {
  const suite = context.payload.check_suite;
  return commitJobs(context, suite.head_sha, suite.pull_requests, { kind: 'rerun' });
}
