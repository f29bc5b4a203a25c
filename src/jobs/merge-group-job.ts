/**
 * A merge queue asks for the required checks on its group's head commit, which is the base
 * branch with the queued pull request merged in. Posture's verdict there is the verdict the pull
 * request earned: its latest Posture run on its own head (the code a reviewer saw, with any
 * security approval or accepted risk) must have passed. A group for a pull request Posture never
 * passed, or that it cannot tell, fails: the queue then removes it, as it should.
 *
 * That run must also be a review against the pull request's base as it is now. Runs belong to
 * commits, so the head's latest run may be from before the pull request moved to another branch,
 * or another pull request's with the same head. The group's own base commit is no test: it is the
 * branch's tip when the group formed (or the group ahead of it), later than the commit any review
 * compared with by design. So the group's branch must be the pull request's base branch, and the
 * review's recorded base commit must be the one GitHub gives as the pull request's base now, which
 * is the commit a new review would compare with. A base GitHub moved since the review fails the
 * group until the pull request is reviewed again: a stale pass is never taken for a fresh one.
 *
 * The group's base commit matters otherwise: when it is the head of the group ahead, the group
 * holds that group's changes too, so Posture's check of it must have passed (and is waited for
 * while it runs).
 */
import type { MergeGroupJobRequest } from '../queue/job-request.js';
import type { ActiveJob, JobOutcome } from '../queue/review-queue.js';
import { codeSpan } from '../report/markdown.js';
import { CHECK_RUN_NAME } from '../review/checks.js';
import { describeError } from '../review/describe-error.js';
import { latestPostureRun } from '../review/previous-runs.js';
import type { GitHubClient } from '../review/review-target.js';
import type { JobDependencies } from './job-dependencies.js';
import { classifyFailure, nextTry } from './retry-policy.js';

/** GitHub names a group's head ref after the branch it merges into and the pull request it tests. */
const GROUP_REF = /^refs\/heads\/gh-readonly-queue\/(.+)\/pr-(\d+)-[0-9a-f]{40}$/;

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
    if (verdict === 'wait for the group ahead' && job.attempt < GROUP_AHEAD_TRIES) {
      log.info({ groupAhead: request.baseSha }, 'the group ahead is still being checked');
      return {
        status: 'retry',
        at: Date.now() + GROUP_AHEAD_WAIT_MS,
        reason: 'the group ahead is still being checked',
      };
    }
    const settled = verdict === 'wait for the group ahead' ? groupAheadUnchecked(request) : verdict;
    await octokit.rest.checks.create({
      owner: request.owner,
      repo: request.repo,
      name: CHECK_RUN_NAME,
      head_sha: request.headSha,
      external_id: job.id,
      status: 'completed',
      conclusion: settled.conclusion,
      started_at: deps.now().toISOString(),
      completed_at: deps.now().toISOString(),
      output: { title: settled.title, summary: settled.summary },
    });
    log.info({ conclusion: settled.conclusion }, 'merge group checked');
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

/** How long a group waits for Posture's check of the group ahead of it to complete, and how often. */
const GROUP_AHEAD_WAIT_MS = 5_000;
const GROUP_AHEAD_TRIES = 24;

/** A group whose group ahead Posture never finished checking holds changes nobody passed. */
function groupAheadUnchecked(request: MergeGroupJobRequest): GroupVerdict {
  return {
    conclusion: 'failure',
    title: 'The group ahead was not checked',
    summary: `This merge group is built on ${codeSpan((request.baseSha ?? '').slice(0, 7))}, whose Posture check did not complete in two minutes, so Posture cannot tell whether the changes queued ahead passed.`,
  };
}

async function verdictFor(
  octokit: GitHubClient,
  request: MergeGroupJobRequest,
  appId: number | undefined,
): Promise<GroupVerdict | 'wait for the group ahead'> {
  const own = await ownVerdict(octokit, request, appId);
  if (own.conclusion !== 'success' || request.baseSha === undefined) return own;
  // The group holds every pull request queued ahead of it: built on a group Posture did not
  // pass, it holds a change Posture did not pass, which the queue would merge on its success.
  const ahead = await latestPostureRun(octokit, request, request.baseSha, appId);
  if (!ahead) return own;
  if (ahead.status !== 'completed') return 'wait for the group ahead';
  if (ahead.conclusion === 'success') return own;
  return {
    conclusion: 'failure',
    title: 'Built on a group Posture did not pass',
    summary: `This merge group is built on ${codeSpan(request.baseSha.slice(0, 7))}, whose Posture check concluded ${codeSpan(ahead.conclusion ?? 'nothing')}: it holds a change Posture did not pass, whatever pull request #${GROUP_REF.exec(request.headRef)?.[2] ?? '?'} adds.`,
  };
}

async function ownVerdict(
  octokit: GitHubClient,
  request: MergeGroupJobRequest,
  appId: number | undefined,
): Promise<GroupVerdict> {
  const [, branch, number] = GROUP_REF.exec(request.headRef) ?? [];
  if (!branch || !number) {
    return {
      conclusion: 'failure',
      title: 'Not a merge group Posture can read',
      summary: `The group's ref ${codeSpan(request.headRef)} does not name a pull request, so Posture cannot tell which review this group rests on.`,
    };
  }
  const { data: pull } = await octokit.rest.pulls.get({
    owner: request.owner,
    repo: request.repo,
    pull_number: Number(number),
  });
  if (pull.base.ref !== branch) {
    return {
      conclusion: 'failure',
      title: `Pull request #${number} is not for this branch`,
      summary: `This merge group merges into ${codeSpan(branch)}, but pull request #${number} is for ${codeSpan(pull.base.ref)} now; its review there says nothing about ${codeSpan(branch)}.`,
    };
  }
  const reviewed = await latestPostureRun(octokit, request, pull.head.sha, appId);
  const head = `\`${pull.head.sha.slice(0, 7)}\``;
  const review = reviewed?.review;
  const againstBase = review?.baseSha === pull.base.sha;
  if (
    reviewed?.status === 'completed' &&
    reviewed.conclusion === 'success' &&
    review &&
    againstBase
  ) {
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
      : review && !againstBase
        ? `Posture's latest review of that head compared it with ${review.baseSha ? `\`${review.baseSha.slice(0, 7)}\`` : 'a base it did not record'}, not with the pull request's base \`${pull.base.sha.slice(0, 7)}\` (re-run Posture on the pull request)`
        : `its latest review concluded \`${reviewed.conclusion ?? 'nothing'}\``;
  return {
    conclusion: 'failure',
    title: `Pull request #${number} has no passing review`,
    summary: `This merge group tests pull request #${number}, whose head is ${head}: ${why}. The group passes once that review does.`,
  };
}
