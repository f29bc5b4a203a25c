import { describe, expect, it } from 'vitest';
import { createReviewerCheck, teamRef } from '../../src/review/security-reviewers.js';
import type { GitHubClient } from '../../src/review/review-target.js';

function clientAnswering(
  answer: (team: string, user: string) => 'active' | 'pending' | 404 | 403,
): { octokit: GitHubClient; asked: string[] } {
  const asked: string[] = [];
  const octokit = {
    rest: {
      teams: {
        getMembershipForUserInOrg: async ({
          org,
          team_slug: team,
          username,
        }: {
          org: string;
          team_slug: string;
          username: string;
        }) => {
          asked.push(`${org}/${team}/${username}`);
          const result = answer(team, username);
          if (typeof result === 'number')
            throw Object.assign(
              new Error(result === 403 ? 'Resource not accessible by integration' : 'Not Found'),
              { status: result },
            );
          return { data: { state: result } };
        },
      },
    },
  } as unknown as GitHubClient;
  return { octokit, asked };
}

describe('security reviewers', () => {
  it('are the users the policy names, and active members of its teams, asked once per person', async () => {
    const { octokit, asked } = clientAnswering((team, user) =>
      team === 'security' && user === 'sam' ? 'active' : user === 'pat' ? 'pending' : 404,
    );
    const check = createReviewerCheck(octokit, 'acme', {
      teams: ['security', 'other/appsec'],
      users: ['Alice'],
    });
    expect(await check.isSecurityReviewer('alice')).toBe(true);
    expect(await check.isSecurityReviewer('sam')).toBe(true);
    expect(await check.isSecurityReviewer('sam')).toBe(true);
    expect(await check.isSecurityReviewer('pat')).toBe(false);
    expect(asked).toEqual(['acme/security/sam', 'acme/security/pat', 'other/appsec/pat']);
    expect(check.problems).toEqual([]);
  });

  it('say when the app may not read team membership, instead of guessing', async () => {
    const { octokit } = clientAnswering(() => 403);
    const check = createReviewerCheck(octokit, 'acme', { teams: ['security'], users: [] });
    expect(await check.isSecurityReviewer('sam')).toBe(false);
    expect(check.problems).toEqual([
      'could not read whether @sam is in acme/security (Resource not accessible by integration); the app needs the organization permission "Members: read"',
    ]);
  });

  it('read a team as a slug of the repository owner, or as org/slug', () => {
    expect(teamRef('security', 'acme')).toEqual({ org: 'acme', slug: 'security' });
    expect(teamRef('corp/appsec', 'acme')).toEqual({ org: 'corp', slug: 'appsec' });
  });
});
