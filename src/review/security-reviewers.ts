/**
 * Who counts as a security reviewer: a user the policy names, or an active member of a team it
 * names. Team membership is read from `GET /orgs/{org}/teams/{team}/memberships/{user}`, which
 * needs the organization permission `members: read`; without it Posture says so rather than
 * guessing.
 */
import { describeError } from './describe-error.js';
import type { GitHubClient } from './review-target.js';

export interface TeamRef {
  org: string;
  slug: string;
}

export interface SecurityReviewers {
  teams: string[];
  users: string[];
}

export interface ReviewerCheck {
  isSecurityReviewer(login: string): Promise<boolean>;
  /** why a membership could not be read, for the summary */
  problems: string[];
}

/** `security` is a team of the repository's owner; `acme/security` names its org. */
export function teamRef(team: string, owner: string): TeamRef {
  const [org, slug] = team.includes('/') ? team.split('/', 2) : [owner, team];
  return { org: org ?? owner, slug: slug ?? team };
}

export function createReviewerCheck(
  octokit: GitHubClient,
  owner: string,
  reviewers: SecurityReviewers,
): ReviewerCheck {
  const known = new Map<string, Promise<boolean>>();
  const problems: string[] = [];
  const users = new Set(reviewers.users.map((user) => user.toLowerCase()));

  async function memberOfAnyTeam(login: string): Promise<boolean> {
    for (const team of reviewers.teams.map((name) => teamRef(name, owner))) {
      try {
        const { data } = await octokit.rest.teams.getMembershipForUserInOrg({
          org: team.org,
          team_slug: team.slug,
          username: login,
        });
        if (data.state === 'active') return true;
      } catch (error) {
        if ((error as { status?: number }).status === 404) continue;
        problems.push(
          `could not read whether @${login} is in ${team.org}/${team.slug} (${describeError(error)}); the app needs the organization permission "Members: read"`,
        );
      }
    }
    return false;
  }

  return {
    problems,
    isSecurityReviewer(login) {
      const key = login.toLowerCase();
      let answer = known.get(key);
      if (!answer)
        known.set(key, (answer = users.has(key) ? Promise.resolve(true) : memberOfAnyTeam(login)));
      return answer;
    },
  };
}
