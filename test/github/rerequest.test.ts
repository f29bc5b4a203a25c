import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probotUnderTest } from '../support/probot-under-test.js';
import { mockGitHubApi } from '../support/mock-github-api.js';
import {
  checkRunRerequestedEvent,
  checkSuiteRerequestedEvent,
  pullRequestEvent,
} from '../support/webhook-payloads.js';
import { INSECURE_DOWNLOAD, pullRequestOf, targetFor } from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
const target = targetFor(fixture);

describe('re-running Posture', () => {
  it('creates a new check run on the head commit when its check run is re-requested', async () => {
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(checkRunRerequestedEvent(target, 'listed'));

    expect(github.calls[0]).toMatchObject({ method: 'GET', path: '/repos/acme/infra/pulls/7' });
    expect(github.checkRunCreates().map((call) => call.body)).toEqual([
      expect.objectContaining({
        name: 'Posture',
        head_sha: fixture.headSha,
        status: 'in_progress',
      }),
    ]);
    expect(github.checkRunUpdates().at(-1)?.body).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
    });
  });

  it('finds the pull request by commit when the check run lists none, as for forks', async () => {
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(checkRunRerequestedEvent(target, 'empty'));

    expect(github.calls[0]).toMatchObject({
      method: 'GET',
      path: `/repos/acme/infra/commits/${fixture.headSha}/pulls`,
    });
    expect(github.checkRunCreates()).toHaveLength(1);
    expect(github.reviews()).toHaveLength(1);
  });

  it('re-runs a whole suite the same way, with the same fallback', async () => {
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(checkSuiteRerequestedEvent(target, 'empty'));

    expect(github.calls[0]?.path).toBe(`/repos/acme/infra/commits/${fixture.headSha}/pulls`);
    expect(github.checkRunUpdates().at(-1)?.body).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
    });
  });

  it('ignores re-runs of check runs that are not Posture’s', async () => {
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(checkRunRerequestedEvent(target, 'listed', 'some-other-check'));

    expect(github.calls).toEqual([]);
  });

  it('does not review a commit that is no longer the pull request’s head, nor a closed pull request', async () => {
    const moved = mockGitHubApi({ fixture, target, pullRequest: { headSha: 'f'.repeat(40) } });
    const probot = await probotUnderTest();
    await probot.receive(checkRunRerequestedEvent(target, 'listed'));
    expect(moved.checkRunCreates()).toHaveLength(0);

    nock.cleanAll();
    const closed = mockGitHubApi({ fixture, target, pullRequest: { state: 'closed' } });
    await probot.receive(checkSuiteRerequestedEvent(target, 'listed'));
    expect(closed.calls.map((call) => call.path)).toEqual(['/repos/acme/infra/pulls/7']);
  });

  it('reviews draft pull requests, and reviews again when a draft becomes ready', async () => {
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target, { draft: true }));
    await probot.receive(pullRequestEvent('ready_for_review', target));

    expect(github.checkRunCreates()).toHaveLength(2);
  });
});
