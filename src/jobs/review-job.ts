/**
 * One review job from start to end. It checks that its head is still the one to review (the
 * queue's latest head, then GitHub's), runs the review, and decides what every way of stopping
 * means for the check run, so that no run Posture opens is left `in_progress`:
 *
 * - superseded by a newer head: the run completes `cancelled`, naming the new head (a head that
 *   never started gets such a run too), and nothing is posted on the pull request;
 * - shut down: the run stays open and the job goes back to the queue, which resumes it;
 * - a failure worth another try (GitHub 5xx, reset, time-out, rate limit): the run stays open,
 *   saying so, and the job is retried later;
 * - any other failure, or the last try: the run completes `failure` (or `neutral` when the
 *   policy says `on_error: neutral`) with what went wrong and how to re-run.
 */
import type { Logger } from 'pino';
import { escapeMarkdownText } from '../report/markdown.js';
import { interruptedRunReport } from '../review/summary.js';
import type { ReviewJobRequest } from '../queue/job-request.js';
import type { ActiveJob, JobOutcome } from '../queue/review-queue.js';
import { refusedAcceptanceOutput } from '../review/accept-risk-check.js';
import {
  abandonCheckRun,
  completeSupersededRun,
  recordAbandonedReview,
  replaceRunOutput,
} from '../review/checks.js';
import { describeError, redactSecrets } from '../review/describe-error.js';
import { latestPostureRun } from '../review/previous-runs.js';
import { reviewHead, type ReviewProgress } from '../review/review-head.js';
import type { GitHubClient, ReviewTarget } from '../review/review-target.js';
import { abortable } from './abortable-client.js';
import type { JobDependencies } from './job-dependencies.js';
import { classifyFailure, nextTry } from './retry-policy.js';

export async function runReviewJob(
  job: ActiveJob,
  request: ReviewJobRequest,
  deps: JobDependencies,
): Promise<JobOutcome> {
  const log = deps.log.child({
    delivery: request.deliveryId,
    repository: `${request.owner}/${request.repo}`,
    pullRequest: request.pullNumber,
    headSha: request.headSha,
    trigger: request.trigger.kind,
    attempt: job.attempt,
  });
  const progress: ReviewProgress = { onError: 'failure' };
  const remembered = await job.rememberedRun();
  if (remembered) progress.checkRunId = remembered.checkRunId;
  let clients: JobClients | undefined;
  try {
    clients = await jobClients(deps, request.installationId, job.signal);
    const octokit = clients.live;
    // The queue's latest head comes from events, which can arrive out of order: GitHub decides.
    const newer = await job.supersededBy();
    const target = await currentTarget(octokit, request);
    if (target === 'closed') {
      log.info('not reviewing: the pull request is closed or gone');
      return await closeRemembered(
        job,
        clients.closing,
        request,
        progress,
        deps,
        'the pull request was closed before Posture finished',
      );
    }
    if (target.headSha !== request.headSha && lagsBehindTheEvent(target, request)) {
      if (job.attempt < LAGGING_TRIES) {
        log.info({ reportedHead: target.headSha }, 'GitHub does not show the pushed head yet');
        return {
          status: 'retry',
          at: Date.now() + LAGGING_WAIT_MS,
          reason: 'GitHub does not show the pushed head yet',
        };
      }
    }
    if (target.headSha !== request.headSha) {
      // GitHub knows a newer head than the events said: make sure it gets its review.
      if (request.trigger.kind === 'push') {
        await job.enqueue({
          ...request,
          headSha: target.headSha,
          trigger: { kind: 'push' },
          deliveryId: `${request.deliveryId}/head`,
          headObservedAt: target.observedAt,
        });
      }
      return await stepAside(job, clients.closing, request, progress, target.headSha, deps, log);
    }
    if (newer) await job.confirmHead(target.observedAt);
    const outcome = await reviewHead({
      octokit,
      log,
      target,
      trigger: request.trigger,
      analyzer: deps.analyzer,
      now: deps.now,
      ...(deps.appId === undefined ? {} : { appId: deps.appId }),
      ...(deps.docsBase ? { docsBase: deps.docsBase } : {}),
      ...(deps.blobCache ? { blobCache: deps.blobCache } : {}),
      signal: job.signal,
      jobId: job.id,
      ...(remembered ? { rememberedRunId: remembered.checkRunId } : {}),
      onRunOpened: (checkRunId) =>
        job.rememberRun({
          installationId: request.installationId,
          owner: request.owner,
          repo: request.repo,
          headSha: request.headSha,
          checkRunId,
        }),
      onRunCompleted: () => job.forgetRun(),
      progress,
    });
    await job.forgetRun();
    deps.metrics?.reviewFinished(outcome);
    return { status: 'done' };
  } catch (error) {
    return await afterFailure(job, clients?.closing, request, progress, error, deps, log);
  }
}

async function afterFailure(
  job: ActiveJob,
  /** a client that still works after the job's signal was aborted */
  octokit: GitHubClient | undefined,
  request: ReviewJobRequest,
  progress: ReviewProgress,
  error: unknown,
  deps: JobDependencies,
  log: Logger,
): Promise<JobOutcome> {
  const reason = job.signal.reason as { kind?: string; by?: string } | undefined;
  if (job.signal.aborted && reason?.kind === 'shutdown') {
    log.info('handing the job back: the process is shutting down');
    return { status: 'handed-back' };
  }
  if (job.signal.aborted && reason?.kind === 'superseded' && octokit) {
    try {
      return await stepAside(job, octokit, request, progress, reason.by ?? '', deps, log);
    } catch (closeError) {
      error = closeError;
    }
  }
  const described = describeError(error);
  const failure = classifyFailure(error, Date.now());
  deps.metrics?.reviewError(failure.kind);
  const retryAt = nextTry(failure, job.attempt, deps.retry, Date.now());
  if (retryAt !== undefined) {
    log.warn(
      { reason: described, retryAt: new Date(retryAt).toISOString() },
      'review failed; it will be tried again',
    );
    if (octokit && progress.checkRunId !== undefined)
      await noteRetry(
        octokit,
        request,
        progress.checkRunId,
        described,
        job.attempt,
        deps.retry.maxAttempts,
      ).catch(() => undefined);
    return { status: 'retry', at: retryAt, reason: described };
  }
  log.error(
    {
      reason: described,
      stack: error instanceof Error ? redactSecrets(error.stack ?? '') : undefined,
    },
    'review failed',
  );
  deps.metrics?.reviewFinished('failed');
  if (!octokit) return { status: 'failed', reason: described };
  if (progress.checkRunId === undefined) {
    await recordAbandonedReview(
      octokit,
      request,
      request.headSha,
      interruptedRunReport(described, request.headSha),
      deps.now(),
      progress.onError,
    ).catch((recordError: unknown) =>
      log.error(
        { reason: describeError(recordError) },
        'could not record the failed review on the head',
      ),
    );
    return { status: 'failed', reason: described };
  }
  try {
    await abandonCheckRun(
      octokit,
      request,
      progress.checkRunId,
      interruptedRunReport(described, request.headSha),
      deps.now(),
      progress.onError,
    );
    await job.forgetRun();
  } catch (closeError) {
    // The run stays remembered: the sweep completes it once GitHub answers again.
    log.error(
      { reason: describeError(closeError), checkRunId: progress.checkRunId },
      'could not complete the check run after a failure',
    );
  }
  return { status: 'failed', reason: described };
}

/**
 * This head is no longer the pull request's: a push's run (opened or not) completes as superseded
 * by `newer`, a click on "Accept risk" is refused on the run that was clicked, and a re-run or a
 * review decision for an old head has nothing to do. If `newer` turns out to be this head again
 * (pushed back while this job was stopping), the review is simply tried again.
 */
async function stepAside(
  job: ActiveJob,
  octokit: GitHubClient,
  request: ReviewJobRequest,
  progress: ReviewProgress,
  newer: string,
  deps: JobDependencies,
  log: Logger,
): Promise<JobOutcome> {
  if (newer === request.headSha || (await job.supersededBy()) === undefined) {
    const current = await currentTarget(octokit, request).catch(() => undefined);
    if (current !== 'closed' && current?.headSha === request.headSha)
      return { status: 'retry', at: Date.now(), reason: 'the head was pushed again' };
  }
  log.info({ newerHead: newer }, 'superseded by a newer head; not reviewing this one');
  const { trigger } = request;
  if (trigger.kind === 'accept-risk') {
    const refusal =
      'this run is not for the pull request’s current head commit; accept the risk on the latest Posture run';
    await replaceRunOutput(
      octokit,
      request,
      trigger.clickedRun.id,
      refusedAcceptanceOutput(trigger, refusal, request.headSha),
    );
  }
  if (progress.checkRunId === undefined && job.attempt > 1) {
    // A try cut short by a crash may have opened a run it could not remember: GitHub knows it by the job's id.
    const latest = await latestPostureRun(octokit, request, request.headSha, deps.appId);
    if (latest && latest.status !== 'completed' && latest.externalId === job.id)
      progress.checkRunId = latest.id;
  }
  if (trigger.kind !== 'push' && progress.checkRunId === undefined) return { status: 'done' };
  await completeSupersededRun(
    octokit,
    request,
    {
      ...(progress.checkRunId === undefined ? {} : { checkRunId: progress.checkRunId }),
      headSha: request.headSha,
    },
    newer,
    deps.now(),
  );
  await job.forgetRun();
  deps.metrics?.reviewFinished('superseded');
  return { status: 'done' };
}

async function closeRemembered(
  job: ActiveJob,
  octokit: GitHubClient,
  request: ReviewJobRequest,
  progress: ReviewProgress,
  deps: JobDependencies,
  why: string,
): Promise<JobOutcome> {
  if (progress.checkRunId !== undefined) {
    await abandonCheckRun(
      octokit,
      request,
      progress.checkRunId,
      { title: 'Review stopped', summary: `Posture stopped reviewing: ${why}.` },
      deps.now(),
      // Not a passing conclusion: were the pull request reopened at this head, its required
      // check must wait for a review, not pass on one that never finished.
      'cancelled',
    );
    await job.forgetRun();
  }
  return { status: 'done' };
}

async function noteRetry(
  octokit: GitHubClient,
  request: ReviewJobRequest,
  checkRunId: number,
  reason: string,
  attempt: number,
  maxAttempts: number,
): Promise<void> {
  await replaceRunOutput(octokit, request, checkRunId, {
    title: 'Retrying after an error',
    summary: `Posture could not finish try ${attempt} of ${maxAttempts} of this review and will try again shortly.\n\n**What went wrong:** ${escapeMarkdownText(reason)}`,
  });
}

/** The pull request as GitHub has it now: still open, and at which head. */
/** How long, and how often, a job waits for GitHub to show the head an event announced. */
const LAGGING_WAIT_MS = 1_000;
const LAGGING_TRIES = 10;

/**
 * Whether GitHub answered with the pull request as it was before the push that queued this job
 * (its `updated_at` is older than the event's): right after a push, its API can still show the
 * previous head for a moment. Taking that head for a newer one would cancel this head's run and
 * lose its review.
 */
function lagsBehindTheEvent(target: { observedAt: string }, request: ReviewJobRequest): boolean {
  if (request.trigger.kind !== 'push' || request.headObservedAt === undefined) return false;
  return Date.parse(target.observedAt) < Date.parse(request.headObservedAt);
}

async function currentTarget(
  octokit: GitHubClient,
  request: ReviewJobRequest,
): Promise<(ReviewTarget & { observedAt: string }) | 'closed'> {
  let pull;
  try {
    ({ data: pull } = await octokit.rest.pulls.get({
      owner: request.owner,
      repo: request.repo,
      pull_number: request.pullNumber,
    }));
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return 'closed';
    throw error;
  }
  if (pull.state !== 'open') return 'closed';
  return {
    owner: request.owner,
    repo: request.repo,
    pullNumber: request.pullNumber,
    headSha: pull.head.sha,
    baseSha: pull.base.sha,
    changedFiles: pull.changed_files,
    htmlUrl: pull.html_url,
    ...(pull.user?.login ? { author: pull.user.login } : {}),
    ...(pull.draft === undefined ? {} : { draft: pull.draft }),
    observedAt: pull.updated_at || new Date().toISOString(),
  };
}

interface JobClients {
  /** every request fails as soon as the job's signal is aborted */
  live: GitHubClient;
  /** for completing the run once the job stopped */
  closing: GitHubClient;
}

async function jobClients(
  deps: JobDependencies,
  installationId: number,
  signal: AbortSignal,
): Promise<JobClients> {
  const closing = await deps.github.installation(installationId);
  return { live: abortable(await deps.github.installation(installationId), signal), closing };
}
