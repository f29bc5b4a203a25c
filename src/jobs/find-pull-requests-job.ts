/**
 * A check event of a fork's pull request names no pull request: find the open ones whose head
 * is the commit, and queue a review job for each, with the event's trigger.
 */
import type { FindPullRequestsJobRequest } from '../queue/job-request.js';
import type { ActiveJob, JobOutcome } from '../queue/review-queue.js';
import { refusedAcceptanceOutput } from '../review/accept-risk-check.js';
import { replaceRunOutput } from '../review/checks.js';
import { describeError } from '../review/describe-error.js';
import type { JobDependencies } from './job-dependencies.js';
import { classifyFailure, nextTry } from './retry-policy.js';

export async function runFindPullRequestsJob(
  job: ActiveJob,
  request: FindPullRequestsJobRequest,
  deps: JobDependencies,
): Promise<JobOutcome> {
  const log = deps.log.child({
    delivery: request.deliveryId,
    repository: `${request.owner}/${request.repo}`,
    headSha: request.headSha,
  });
  try {
    const octokit = await deps.github.installation(request.installationId);
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner: request.owner,
      repo: request.repo,
      commit_sha: request.headSha,
    });
    const heads = data.filter((pull) => pull.state === 'open' && pull.head.sha === request.headSha);
    if (heads.length === 0) {
      log.info('no open pull request has this commit as its head; nothing to do');
      if (request.trigger.kind === 'accept-risk') {
        const refusal =
          'this run is not for the current head commit of an open pull request; accept the risk on the latest Posture run';
        await replaceRunOutput(
          octokit,
          request,
          request.trigger.clickedRun.id,
          refusedAcceptanceOutput(request.trigger, refusal, request.headSha),
        );
      }
    }
    for (const pull of heads) {
      await job.enqueue({
        kind: 'review',
        installationId: request.installationId,
        owner: request.owner,
        repo: request.repo,
        pullNumber: pull.number,
        headSha: request.headSha,
        trigger: request.trigger,
        deliveryId: `${request.deliveryId}/${pull.number}`,
      });
    }
    return { status: 'done' };
  } catch (error) {
    const retryAt = nextTry(
      classifyFailure(error, Date.now()),
      job.attempt,
      deps.retry,
      Date.now(),
    );
    const reason = describeError(error);
    log.warn({ reason }, 'could not find the pull requests of the commit');
    return retryAt === undefined
      ? { status: 'failed', reason }
      : { status: 'retry', at: retryAt, reason };
  }
}
