import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/fake-github.js';
import { heldAnalysis } from '../support/held-analysis.js';
import { mockGitHubApi, servePullRequests } from '../support/mock-github-api.js';
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

  it('closes the run of a try cut short when another job completed a review of the head meanwhile', async () => {
    const github = new FakeGitHub({
      fixture,
      owner: target.owner,
      repo: target.repo,
      pullNumber: target.pullNumber,
      repositoryId: target.repositoryId,
    });
    let failNextCompletion = false;
    servePullRequests([github], undefined, (method, path) => {
      if (!failNextCompletion || method !== 'PATCH' || !/\/check-runs\/\d+$/.test(path))
        return undefined;
      failNextCompletion = false;
      return { status: 502, body: { message: 'Bad Gateway' } };
    });
    const analysis = heldAnalysis();
    const first = await probotUnderTest({ analyze: analysis.analyze, maxAttempts: 2 });
    const second = await probotUnderTest();

    // The first replica opens its run for the push and waits in its analysis; someone asks for a
    // re-run, which the second replica reviews meanwhile in a run of its own.
    const held = analysis.hold();
    const firstDone = first.receive(pullRequestEvent('opened', target));
    await held.arrived;
    analysis.stopHolding();
    await second.receive(checkRunRerequestedEvent(target, 'listed'));
    const [openedFirst, completedSecond] = github.checkRuns;
    expect(openedFirst?.status).toBe('in_progress');
    expect(completedSecond?.status).toBe('completed');

    // The first replica's completion fails once; its next try finds the head reviewed.
    failNextCompletion = true;
    held.release();
    await firstDone;

    expect(github.checkRuns).toHaveLength(2);
    expect(openedFirst?.status).toBe('completed');
    expect(openedFirst?.conclusion).toBe('cancelled');
    expect(openedFirst?.output.title).toBe('Review not needed');
    expect(completedSecond?.conclusion).toBe('failure');
    expect(github.reviews).toHaveLength(1);
  });
});
