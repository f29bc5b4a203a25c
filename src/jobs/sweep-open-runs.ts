/**
 * The last guarantee that no run stays `in_progress`: runs a job opened longer ago than the
 * longest review may take, and whose job is no longer running (it failed and could not close
 * its run, or it died and nobody resumed it), are completed `failure` with a re-run hint.
 */
import type { Logger } from 'pino';
import type { ReviewQueue } from '../queue/review-queue.js';
import { abandonCheckRun } from '../review/checks.js';
import { describeError } from '../review/describe-error.js';
import type { GitHubClient } from '../review/review-target.js';

export interface SweepDependencies {
  queue: ReviewQueue;
  github: { installation(installationId: number): Promise<GitHubClient> };
  log: Logger;
  now: () => Date;
  /** runs older than this are completed */
  maxReviewMs: number;
}

export async function sweepOpenRuns(deps: SweepDependencies): Promise<number> {
  const stale = await deps.queue.staleOpenRuns(deps.now().getTime() - deps.maxReviewMs);
  let completed = 0;
  for (const run of stale) {
    try {
      const octokit = await deps.github.installation(run.installationId);
      const minutes = Math.round(deps.maxReviewMs / 60_000);
      await abandonCheckRun(
        octokit,
        run,
        run.checkRunId,
        {
          title: 'Posture could not complete the review',
          summary: `This review did not finish within ${minutes} minutes, so this pull request was **not evaluated**.\n\nRe-run this check to try again.`,
        },
        deps.now(),
      );
      await deps.queue.forgetOpenRun(run.jobId);
      completed += 1;
      deps.log.warn(
        {
          checkRunId: run.checkRunId,
          repository: `${run.owner}/${run.repo}`,
          headSha: run.headSha,
        },
        'completed a run its review left open',
      );
    } catch (error) {
      deps.log.error(
        { reason: describeError(error), checkRunId: run.checkRunId },
        'could not complete a run left open; trying again at the next sweep',
      );
    }
  }
  return completed;
}
