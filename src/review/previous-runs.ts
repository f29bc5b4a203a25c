/**
 * Posture's latest check run on a commit, read back from GitHub. It is what makes reviews
 * idempotent across restarts and instances: a head whose latest run carries a completed review
 * against the same base commit is not reviewed again for a push or a redelivered webhook, and the
 * run's routing digest tells whether an approval given on that commit still holds on a later one.
 */
import { readReviewMarker, type ReviewRecord } from '../report/review-marker.js';
import { CHECK_RUN_NAME } from './checks.js';
import type { GitHubClient, RepoRef } from './review-target.js';

export interface PreviousRun {
  id: number;
  status: string;
  /** set once the run completed */
  conclusion?: string;
  startedAt?: string;
  /** the id of the job that opened the run */
  externalId?: string;
  /** present when the run completed a review (not when it was interrupted) */
  review?: ReviewRecord;
}

export async function latestPostureRun(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  appId?: number,
): Promise<PreviousRun | undefined> {
  const { data } = await octokit.rest.checks.listForRef({
    owner: repo.owner,
    repo: repo.repo,
    ref: sha,
    check_name: CHECK_RUN_NAME,
    filter: 'latest',
    ...(appId === undefined ? {} : { app_id: appId }),
  });
  const [run] = [...data.check_runs].sort(
    (a, b) => (b.started_at ?? '').localeCompare(a.started_at ?? '') || b.id - a.id,
  );
  if (!run) return undefined;
  const review =
    run.status === 'completed' ? readReviewMarker(run.output.summary, run.head_sha) : undefined;
  return {
    id: run.id,
    status: run.status,
    ...(run.conclusion ? { conclusion: run.conclusion } : {}),
    ...(run.started_at ? { startedAt: run.started_at } : {}),
    ...(run.external_id ? { externalId: run.external_id } : {}),
    ...(review ? { review } : {}),
  };
}
