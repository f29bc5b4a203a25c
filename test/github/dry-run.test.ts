/**
 * `posture review <pull request>`: the App's flow on a real pull request, posting nothing, and
 * returning exactly what the App would have posted.
 */
import nock from 'nock';
import { pino } from 'pino';
import { ProbotOctokit } from 'probot';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { dryRunReview } from '../../src/review/dry-run.js';
import { inThreadAnalyzer } from '../../src/workers/analysis-pool.js';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { INSECURE_DOWNLOAD, pullRequestOf, targetFor } from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('a dry-run review', () => {
  it('reads the pull request like the App, posts nothing, and returns the run and review it would post', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target });
    const Octokit = ProbotOctokit.defaults((options: object) => ({
      ...options,
      retry: { enabled: false },
      throttle: { enabled: false },
    }));
    const octokit = new Octokit({ auth: 'ghp_dry_run_token' });

    const outcome = await dryRunReview(octokit, {
      target: {
        owner: target.owner,
        repo: target.repo,
        pullNumber: target.pullNumber,
        headSha: fixture.headSha,
        baseSha: fixture.baseSha,
      },
      analyzer: inThreadAnalyzer((files, options) => analyze(files, options)),
      log: pino({ level: 'silent' }),
    });

    expect(
      github.calls.filter(
        (call) =>
          call.method !== 'GET' &&
          !(call.path === '/graphql' && /^\s*query/.test(String(call.body.query))),
      ),
    ).toEqual([]);
    expect(github.github.checkRuns).toEqual([]);
    expect(outcome.outcome).toBe('reviewed');
    expect(outcome.checkRun).toMatchObject({
      conclusion: 'failure',
      title: '1 high, 2 medium findings',
    });
    expect(outcome.checkRun?.annotations).toHaveLength(3);
    expect(outcome.review?.comments.length).toBeGreaterThan(0);
    expect(outcome.writes.map((write) => `${write.method} ${write.path}`)).toEqual([
      'POST /repos/acme/infra/check-runs',
      'POST /repos/acme/infra/pulls/7/reviews',
      'PATCH /repos/acme/infra/check-runs/1',
    ]);
  });
});
