/**
 * A merge queue asks for the required checks on its group's head commit, which is the base
 * branch with the queued pull request merged in. Posture's verdict there is the verdict the pull
 * request earned: its latest Posture run on its own head (the code a reviewer saw, with any
 * security approval or accepted risk) must have passed. A group for a pull request Posture never
 * passed, or that it cannot tell, fails: the queue then removes it, as it should.
 */
import type { MergeGroupJobRequest } from '../queue/job-request.js';
import type { ActiveJob, JobOutcome } from '../queue/review-queue.js';
import { CHECK_RUN_NAME } from '../review/checks.js';
import { describeError } from '../review/describe-error.js';
import { latestPostureRun } from '../review/previous-runs.js';
import type { GitHubClient } from '../review/review-target.js';
import type { JobDependencies } from './job-dependencies.js';
import { classifyFailure, nextTry } from './retry-policy.js';

/** GitHub names a group's head ref after the pull request it tests. */
const GROUP_REF = /^refs\/heads\/gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{40}$/;

interface GroupVerdict {
  conclusion: 'success' | 'failure';
  title: string;
  summary: string;
}

export async function runMergeGroupJob(
  job: ActiveJob,
  request: MergeGroupJobRequest,
  deps: JobDependencies,
): Promise<JobOutcome> {
  const log = deps.log.child({
    delivery: request.deliveryId,
    repository: `${request.owner}/${request.repo}`,
    mergeGroup: request.headSha,
  });
  try {
    const octokit = await deps.github.installation(request.installationId);
    const verdict = await verdictFor(octokit, request, deps.appId);
    await octokit.rest.checks.create({
      owner: request.owner,
      repo: request.repo,
      name: CHECK_RUN_NAME,
      head_sha: request.headSha,
      external_id: job.id,
      status: 'completed',
      conclusion: verdict.conclusion,
      started_at: deps.now().toISOString(),
      completed_at: deps.now().toISOString(),
      output: { title: verdict.title, summary: verdict.summary },
    });
    log.info({ conclusion: verdict.conclusion }, 'merge group checked');
    return { status: 'done' };
  } catch (error) {
    const reason = describeError(error);
    const retryAt = nextTry(
      classifyFailure(error, Date.now()),
      job.attempt,
      deps.retry,
      Date.now(),
    );
    log.warn({ reason }, 'could not check the merge group');
    // No run was written: the merge queue waits for the required check until its own time-out.
    return retryAt === undefined
      ? { status: 'failed', reason }
      : { status: 'retry', at: retryAt, reason };
  }
}

async function verdictFor(
  octokit: GitHubClient,
  request: MergeGroupJobRequest,
  appId: number | undefined,
): Promise<GroupVerdict> {
  const number = GROUP_REF.exec(request.headRef)?.[1];
  if (!number) {
    return {
      conclusion: 'failure',
      title: 'Not a merge group Posture can read',
      summary: `The group's ref \`${request.headRef}\` does not name a pull request, so Posture cannot tell which review this group rests on.`,
    };
  }
  const { data: pull } = await octokit.rest.pulls.get({
    owner: request.owner,
    repo: request.repo,
    pull_number: Number(number),
  });
  const reviewed = await latestPostureRun(octokit, request, pull.head.sha, appId);
  const head = `\`${pull.head.sha.slice(0, 7)}\``;
  if (reviewed?.status === 'completed' && reviewed.conclusion === 'success' && reviewed.review) {
    return {
      conclusion: 'success',
      title: `Pull request #${number} passed its review`,
      summary: `This merge group tests pull request #${number}; Posture's review of its head ${head} passed, so the group passes.`,
    };
  }
  const why = !reviewed
    ? 'Posture has no review of its head'
    : reviewed.status !== 'completed'
      ? 'its review is still running'
      : `its latest review concluded \`${reviewed.conclusion ?? 'nothing'}\``;
  return {
    conclusion: 'failure',
    title: `Pull request #${number} has no passing review`,
    summary: `This merge group tests pull request #${number}, whose head is ${head}: ${why}. The group passes once that review does.`,
  };
}
