import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { checkRunRerequestedEvent, pullRequestEvent } from '../support/webhook-payloads.js';
import {
  harmlessTasks,
  INSECURE_DOWNLOAD,
  pullRequestOf,
  targetFor,
  TASKS,
} from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
const target = targetFor(fixture);

describe('reviewing a head once', () => {
  it('ignores a redelivered webhook: one check run, one review', async () => {
    const api = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();
    const delivery = pullRequestEvent('opened', target);

    await probot.receive(delivery);
    await probot.receive(delivery);

    expect(api.checkRunCreates()).toHaveLength(1);
    expect(api.reviews()).toHaveLength(1);
    // The redelivery is dropped before any call: the runs are listed before the review and again
    // after it (another pull request of the head may have completed meanwhile), and one is created.
    expect(
      api.calls.filter(
        (call) =>
          call.path.includes('/check-runs?') || /\/check-runs$/.test(call.path.split('?')[0] ?? ''),
      ).length,
    ).toBe(3);
  });

  it('does not review a head again for a second push of it, even after a restart', async () => {
    const api = mockGitHubApi({ fixture, target });

    await (await probotUnderTest()).receive(pullRequestEvent('opened', target));
    await (
      await probotUnderTest()
    ).receive(pullRequestEvent('synchronize', target, { deliveryId: 'second-push-same-head' }));
    await (await probotUnderTest()).receive(pullRequestEvent('reopened', target));

    expect(api.checkRunCreates()).toHaveLength(1);
    expect(api.reviews()).toHaveLength(1);
  });

  it('handles simultaneous deliveries for one head one after the other, so the second sees the first', async () => {
    const api = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await Promise.all([
      probot.receive(pullRequestEvent('opened', target)),
      probot.receive(pullRequestEvent('synchronize', target, { deliveryId: 'racing-push' })),
    ]);

    expect(api.checkRunCreates()).toHaveLength(1);
    expect(api.reviews()).toHaveLength(1);
  });

  it('makes a new run when someone asks for a re-run, without repeating the comments', async () => {
    const api = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));
    await probot.receive(checkRunRerequestedEvent(target, 'listed'));

    expect(api.checkRunCreates()).toHaveLength(2);
    expect(api.reviews()).toHaveLength(1);
    expect(api.github.checkRuns.at(-1)?.output.summary).toContain(
      'No new comments: 3 findings keep their comments from an earlier push.',
    );
  });

  it('reviews a head again after a review that broke off, when the delivery is sent again', async () => {
    const api = mockGitHubApi({
      fixture,
      target,
      fail: { compare: { status: 502, message: 'Bad Gateway' } },
    });
    const probot = await probotUnderTest();
    const delivery = pullRequestEvent('opened', target);
    await probot.receive(delivery);
    expect(api.github.checkRuns.at(-1)?.conclusion).toBe('failure');
    expect(api.github.checkRuns.at(-1)?.output.title).toBe('Posture could not complete the review');

    nock.cleanAll();
    const healthy = mockGitHubApi({ fixture, target });
    healthy.github.checkRuns.push(...api.github.checkRuns);
    await probot.receive(delivery);

    expect(healthy.checkRunCreates()).toHaveLength(1);
    expect(healthy.github.checkRuns.at(-1)?.conclusion).toBe('failure');
  });

  it('posts nothing against a head the pull request left while Posture was reviewing', async () => {
    const api = mockGitHubApi({ fixture, target });
    const newer = pullRequestOf(INSECURE_DOWNLOAD.base, {
      [TASKS]: `${INSECURE_DOWNLOAD.head[TASKS]}${harmlessTasks(1)}`,
    });
    api.github.beforeGraphql('PosturePullRequestState', () => api.github.push(newer));

    await (await probotUnderTest()).receive(pullRequestEvent('opened', target));

    expect(api.reviews()).toEqual([]);
    const run = api.github.checkRuns.at(-1);
    expect(run).toMatchObject({ head_sha: fixture.headSha, status: 'completed' });
    expect(run?.actions).toBeUndefined();
    expect(run?.output.summary).toContain(
      `The pull request moved on to \`${newer.headSha.slice(0, 7)}\` while Posture was reviewing, so nothing was posted against this commit`,
    );
  });
});
