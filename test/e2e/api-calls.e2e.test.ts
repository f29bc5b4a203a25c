/**
 * The GitHub economy of a review, measured the way `npm run bench` measures it: the number of
 * calls does not grow with the number of changed files, except for one content query per 125
 * files (and the two commits' trees past the comparison's 300 files).
 */
import { describe, expect, it } from 'vitest';
import { countReviewApiCalls } from '../support/review-api-calls.js';

describe('API calls per review', () => {
  it('stay at a handful for a 100-file pull request, where reading files one by one would take 202', async () => {
    const small = await countReviewApiCalls(1);
    const large = await countReviewApiCalls(100);

    expect(large.conclusion).toBe('failure');
    expect(large.naive).toBe(202);
    expect(large.total).toBe(small.total);
    expect(large.byEndpoint).toEqual({
      'GET /repos/{owner}/{repo}/pulls/{number}': 1,
      // before the review, and again once its run completed (another pull request of the head
      // may have completed meanwhile)
      'GET /repos/{owner}/{repo}/commits/{sha}/check-runs': 2,
      'POST /repos/{owner}/{repo}/check-runs': 1,
      'GET /repos/{owner}/{repo}/compare/{basehead}': 1,
      'graphql PostureBlobs': 1,
      'graphql PosturePullRequestState': 1,
      'POST /repos/{owner}/{repo}/pulls/{number}/reviews': 1,
      'PATCH /repos/{owner}/{repo}/check-runs/{number}': 1,
    });
  }, 60_000);

  it('stay within the budget for reading beyond the diff when 100 changed role defaults reach 200 unchanged files', async () => {
    const calls = await countReviewApiCalls(100, 'variables');
    expect(calls.conclusion).toBe('failure');
    expect(calls.beyond).toBe(200);
    expect(calls.total).toBeLessThanOrEqual(calls.budget);
    expect(calls.byEndpoint['GET /repos/{owner}/{repo}/git/trees/{sha}']).toBe(1);
  }, 60_000);
});
