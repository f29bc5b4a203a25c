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
}
