/**
 * "Errors never end green" holds for a job that fails for good before it opens its run (GitHub
 * answering 5xx to the listing of the head's runs through every try): it records a completed
 * `failure` run on the head with the re-run hint, so that the head's previous run, green perhaps,
 * does not stand for a review that never happened (a security reviewer withdrew their approval).
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { pullRequestEvent, pullRequestReviewEvent } from '../support/webhook-payloads.js';
import {
  INSTALL_TASK,
  lastRun,
  pullRequestOf,
  SECURITY_ROUTING,
  SELINUX_OFF,
  targetFor,
  TASKS,
} from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('a review job that fails before it opens its run', () => {
  it('does not leave the head’s earlier green standing', async () => {
    const fixture = pullRequestOf({ [TASKS]: INSTALL_TASK }, { [TASKS]: SELINUX_OFF });
    const target = targetFor(fixture);
    const api = mockGitHubApi({
      fixture,
      target,
      policy: { base: SECURITY_ROUTING },
      teams: { security: ['sam-sec'] },
    });
    const github = api.github;
    const probot = await probotUnderTest({ maxAttempts: 3 });
    await probot.receive(pullRequestEvent('opened', target));
    github.submitReview('sam-sec', 'APPROVED');
    await probot.receive(
      pullRequestReviewEvent('submitted', target, { reviewer: 'sam-sec', state: 'approved' }),
    );
    expect(lastRun(github.checkRuns).conclusion).toBe('success');

    // GitHub answers 502 to the listing of the head's check runs from now on.
    const rest = github.rest.bind(github);
    github.rest = (method, path, query, body) =>
      method === 'GET' && path.endsWith(`/commits/${fixture.headSha}/check-runs`)
        ? { status: 502, body: { message: 'Server Error' } }
        : rest(method, path, query, body);

    // sam-sec withdraws the approval.
    github.dismissReviews('sam-sec');
    await probot.receive(
      pullRequestReviewEvent('dismissed', target, { reviewer: 'sam-sec', state: 'dismissed' }),
    );

    const latest = lastRun(github.checkRuns);
    expect(latest.head_sha).toBe(fixture.headSha);
    expect(latest.conclusion).not.toBe('success');
  });
});
