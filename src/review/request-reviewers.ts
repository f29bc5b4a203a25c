/**
 * Asks the security reviewers for a review, once: teams and people already asked are not asked
 * again, and the author is never asked (GitHub refuses that with a 422).
 */
import { describeError } from './describe-error.js';
import type { PullRequestState } from './pull-request-state.js';
import type { GitHubClient, ReviewTarget } from './review-target.js';
import { teamRef, type SecurityReviewers } from './security-reviewers.js';

export type ReviewRequestOutcome =
  | { status: 'requested'; teams: string[]; users: string[] }
  | { status: 'already-requested' }
  | { status: 'draft' }
  | { status: 'failed'; reason: string };

function missingRequests(
  reviewers: SecurityReviewers,
  state: PullRequestState,
  owner: string,
): { teams: string[]; users: string[] } {
  const requestedTeams = new Set(state.requested.teams.map((slug) => slug.toLowerCase()));
  const requestedUsers = new Set(state.requested.users.map((login) => login.toLowerCase()));
  const author = state.author?.toLowerCase();
  // GitHub can only ask teams of the repository's own org.
  const teams = reviewers.teams
    .map((team) => teamRef(team, owner))
    .filter(
      (team) =>
        team.org.toLowerCase() === owner.toLowerCase() &&
        !requestedTeams.has(team.slug.toLowerCase()),
    );
  const users = reviewers.users.filter(
    (login) => login.toLowerCase() !== author && !requestedUsers.has(login.toLowerCase()),
  );
  return { teams: teams.map((team) => team.slug), users };
}

export async function requestSecurityReview(
  octokit: GitHubClient,
  target: ReviewTarget,
  reviewers: SecurityReviewers,
  state: PullRequestState,
): Promise<ReviewRequestOutcome> {
  if (target.draft) return { status: 'draft' };
  const missing = missingRequests(reviewers, state, target.owner);
  if (missing.teams.length + missing.users.length === 0) return { status: 'already-requested' };
  try {
    await octokit.rest.pulls.requestReviewers({
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pullNumber,
      reviewers: missing.users,
      team_reviewers: missing.teams,
    });
    return { status: 'requested', ...missing };
  } catch (error) {
    return { status: 'failed', reason: describeError(error) };
  }
}
