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

/**
 * Posture's runs on `sha`, the latest first. All of them, not only the latest: a commit can be
 * the head of several pull requests, each with its own base, and the last review of each of them
 * counts (see `shared-head.ts`). One page holds them unless the head was reviewed very often.
 */
export async function postureRuns(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  appId?: number,
): Promise<PreviousRun[]> {
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
    owner: repo.owner,
    repo: repo.repo,
    ref: sha,
    check_name: CHECK_RUN_NAME,
    filter: 'all',
    per_page: 100,
    ...(appId === undefined ? {} : { app_id: appId }),
  });
  return runs
    .sort((a, b) => (b.started_at ?? '').localeCompare(a.started_at ?? '') || b.id - a.id)
    .map((run) => {
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
    });
}

export async function latestPostureRun(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  appId?: number,
): Promise<PreviousRun | undefined> {
  const [latest] = await postureRuns(octokit, repo, sha, appId);
  return latest;
}
