import type { ProbotOctokit } from 'probot';

/** The authenticated client of one installation. */
export type GitHubClient = ProbotOctokit;

export interface RepoRef {
  owner: string;
  repo: string;
}

/** One pull request at one head commit: the unit Posture reviews. */
export interface ReviewTarget extends RepoRef {
  pullNumber: number;
  headSha: string;
  /** the base branch's commit the pull request is compared with; its policy judges the change */
  baseSha: string;
  /** the pull request's own count of changed files, when the event or API response carries it */
  changedFiles?: number;
  /** the pull request's page, where an `action_required` run sends people */
  htmlUrl?: string;
  /** who opened the pull request: never a security reviewer of their own change */
  author?: string;
  /** drafts are reviewed, but security reviewers are only asked once the pull request is ready */
  draft?: boolean;
}

/** The run a security reviewer clicked "Accept risk" on. */
export interface ClickedCheckRun {
  id: number;
  title: string;
  summary: string;
}

/**
 * Why a head is being reviewed, which decides whether an existing review of it is enough:
 * - `push`: a new or revived head; skipped when this head already has a completed review against
 *   the pull request's base commit; `reopened` for a pull request reopened at its head, which
 *   must not join a job of that head still running: that job may have found the pull request
 *   closed and be stopping;
 * - `rerun`: someone asked for a fresh run (Re-run, ready for review), or the pull request moved to
 *   another base branch; always a new run;
 * - `review-changed`: a reviewer approved, requested changes or was dismissed; a new run only
 *   when the head's last review needed a security reviewer;
 * - `accept-risk`: a security reviewer clicked "Accept risk" on a run of this head.
 */
export type ReviewTrigger =
  | { kind: 'push'; reopened?: true }
  | { kind: 'rerun' }
  | { kind: 'review-changed' }
  | { kind: 'accept-risk'; by: string; clickedRun: ClickedCheckRun };
