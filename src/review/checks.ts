import type { CheckAnnotation } from './annotations.js';
import type { ReviewConclusion } from './conclusion.js';
import type { GitHubClient, RepoRef } from './review-target.js';

export const CHECK_RUN_NAME = 'Posture';
/** GitHub accepts at most this many annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** A button on a completed check run; GitHub sends `check_run.requested_action` when clicked. */
export interface CheckRunAction {
  label: string;
  description: string;
  identifier: string;
}

export interface CheckRunResult {
  conclusion: ReviewConclusion;
  title: string;
  summary: string;
  annotations: readonly CheckAnnotation[];
  actions?: readonly CheckRunAction[];
  /** where `action_required` sends people: the pull request */
  detailsUrl?: string;
}

export async function startCheckRun(octokit: GitHubClient, repo: RepoRef, headSha: string, startedAt: Date): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    owner: repo.owner,
    repo: repo.repo,
    name: CHECK_RUN_NAME,
    head_sha: headSha,
    status: 'in_progress',
    started_at: startedAt.toISOString(),
    output: { title: 'Analysing the pull request', summary: 'Posture is reviewing the changed files.' },
  });
  return data.id;
}

/**
 * Uploads the annotations in batches (each update appends to the run's annotations) and
 * completes the run with the last batch. The real summary goes only in that final request.
 */
export async function completeCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  checkRunId: number,
  result: CheckRunResult,
  completedAt: () => Date,
): Promise<void> {
  const batches = batchesOf(result.annotations, ANNOTATIONS_PER_REQUEST);
  const lastBatch = batches.pop() ?? [];
  let uploaded = 0;
  for (const batch of batches) {
    uploaded += batch.length;
    await octokit.rest.checks.update({
      owner: repo.owner,
      repo: repo.repo,
      check_run_id: checkRunId,
      output: {
        title: 'Uploading annotations',
        summary: `Uploaded ${uploaded} of ${result.annotations.length} annotations.`,
        annotations: batch,
      },
    });
  }
  await octokit.rest.checks.update({
    owner: repo.owner,
    repo: repo.repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion: result.conclusion,
    completed_at: completedAt().toISOString(),
    output: { title: result.title, summary: result.summary, annotations: lastBatch },
    ...(result.actions && result.actions.length > 0 ? { actions: [...result.actions] } : {}),
    ...(result.detailsUrl ? { details_url: result.detailsUrl } : {}),
  });
}

/** Rewrites a completed run's title and summary, leaving its conclusion and annotations as they are. */
export async function replaceRunOutput(octokit: GitHubClient, repo: RepoRef, checkRunId: number, output: { title: string; summary: string }): Promise<void> {
  await octokit.rest.checks.update({ owner: repo.owner, repo: repo.repo, check_run_id: checkRunId, output });
}

/** Ends a run that could not finish its review, so it never stays `in_progress`. */
export async function abandonCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  checkRunId: number,
  report: { title: string; summary: string },
  completedAt: Date,
): Promise<void> {
  await octokit.rest.checks.update({
    owner: repo.owner,
    repo: repo.repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion: 'neutral',
    completed_at: completedAt.toISOString(),
    output: report,
  });
}

function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
