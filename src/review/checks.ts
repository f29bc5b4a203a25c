import type { CheckAnnotation } from './annotations.js';
import type { ReviewConclusion } from './conclusion.js';
import type { GitHubClient, RepoRef } from './review-target.js';

export const CHECK_RUN_NAME = 'Posture';
/** GitHub accepts at most this many annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Annotations beyond this many (most severe first) are not uploaded: each 50 cost a request. */
export const MAX_ANNOTATIONS = 500;

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
  /** the annotations to upload: at most `MAX_ANNOTATIONS`, most severe first */
  annotations: readonly CheckAnnotation[];
  /** how many there would be without the cap */
  annotationTotal?: number;
  /** more Markdown under the summary: what the review's rules mean */
  text?: string;
  actions?: readonly CheckRunAction[];
  /** where `action_required` sends people: the pull request */
  detailsUrl?: string;
}

/** Opens the run of one job; `externalId` (the job's id) lets a resumed job find the run it opened. */
export async function startCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  headSha: string,
  startedAt: Date,
  externalId?: string,
): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    owner: repo.owner,
    repo: repo.repo,
    name: CHECK_RUN_NAME,
    head_sha: headSha,
    status: 'in_progress',
    started_at: startedAt.toISOString(),
    ...(externalId ? { external_id: externalId } : {}),
    output: {
      title: 'Analysing the pull request',
      summary: 'Posture is reviewing the changed files.',
    },
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
  const shown = result.annotations;
  const total = Math.max(result.annotationTotal ?? 0, shown.length);
  const omitted = total - shown.length;
  const batches = batchesOf(shown, ANNOTATIONS_PER_REQUEST);
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
        summary: `Uploaded ${uploaded} of ${shown.length} annotations.`,
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
    output: {
      title: result.title,
      summary: result.summary,
      ...runText(
        omitted > 0 ? omittedAnnotationsNote(shown.length, total) : undefined,
        result.text,
      ),
      annotations: lastBatch,
    },
    ...(result.actions && result.actions.length > 0 ? { actions: [...result.actions] } : {}),
    ...(result.detailsUrl ? { details_url: result.detailsUrl } : {}),
  });
}

/** Rewrites a completed run's title and summary, leaving its conclusion and annotations as they are. */
export async function replaceRunOutput(
  octokit: GitHubClient,
  repo: RepoRef,
  checkRunId: number,
  output: { title: string; summary: string },
): Promise<void> {
  await octokit.rest.checks.update({
    owner: repo.owner,
    repo: repo.repo,
    check_run_id: checkRunId,
    output,
  });
}

/**
 * Ends a run that could not finish its review, so it never stays `in_progress`: `failure` unless
 * the policy chose `on_error: neutral`; `cancelled` for a review stopped because its pull
 * request closed.
 */
export async function abandonCheckRun(
  octokit: GitHubClient,
  repo: RepoRef,
  checkRunId: number,
  report: { title: string; summary: string },
  completedAt: Date,
  conclusion: 'failure' | 'neutral' | 'cancelled' = 'failure',
): Promise<void> {
  await octokit.rest.checks.update({
    owner: repo.owner,
    repo: repo.repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion,
    completed_at: completedAt.toISOString(),
    output: report,
  });
}

/**
 * Records a review that broke off before it opened a run of its own, as a completed run on the
 * head: otherwise the head's earlier run would stand, green perhaps, for a review that never
 * happened (a security reviewer withdrew an approval, and the job meant to turn it red failed).
 */
export async function recordAbandonedReview(
  octokit: GitHubClient,
  repo: RepoRef,
  headSha: string,
  report: { title: string; summary: string },
  completedAt: Date,
  conclusion: 'failure' | 'neutral',
): Promise<void> {
  await octokit.rest.checks.create({
    owner: repo.owner,
    repo: repo.repo,
    name: CHECK_RUN_NAME,
    head_sha: headSha,
    status: 'completed',
    conclusion,
    completed_at: completedAt.toISOString(),
    output: report,
  });
}

/**
 * Completes the run of a head that a newer push replaced, or records one when the head's job never
 * started. `cancelled` is not a passing conclusion: were the old head pushed again, its required
 * check would wait for the new review instead of passing on this one.
 */
export async function completeSupersededRun(
  octokit: GitHubClient,
  repo: RepoRef,
  run: { checkRunId?: number; headSha: string },
  newerHead: string,
  completedAt: Date,
): Promise<void> {
  const output = {
    title: `Superseded by ${newerHead.slice(0, 7)}`,
    summary: `A newer commit, \`${newerHead}\`, is the pull request's head now, so Posture reviews that one instead of \`${run.headSha.slice(0, 7)}\`.`,
  };
  const completion = {
    status: 'completed' as const,
    conclusion: 'cancelled' as const,
    completed_at: completedAt.toISOString(),
    output,
  };
  if (run.checkRunId !== undefined) {
    await octokit.rest.checks.update({
      owner: repo.owner,
      repo: repo.repo,
      check_run_id: run.checkRunId,
      ...completion,
    });
    return;
  }
  await octokit.rest.checks.create({
    owner: repo.owner,
    repo: repo.repo,
    name: CHECK_RUN_NAME,
    head_sha: run.headSha,
    started_at: completedAt.toISOString(),
    ...completion,
  });
}

/** GitHub's limit for a check run's text. */
const MAX_TEXT_CHARS = 65_535;

function runText(note: string | undefined, text: string | undefined): { text?: string } {
  const parts = [note, text].filter((part): part is string => part !== undefined && part !== '');
  if (parts.length === 0) return {};
  return { text: parts.join('\n\n').slice(0, MAX_TEXT_CHARS) };
}

function omittedAnnotationsNote(shown: number, total: number): string {
  return `The ${shown} most severe of ${total.toLocaleString('en-US')} annotations are shown on the files; the summary lists every finding.`;
}

function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    batches.push(items.slice(start, start + size));
  return batches;
}
