/**
 * A head whose green rested on a security reviewer's approval does not keep it once the reviewer
 * withdrew it: a push (here a force-push back) of a head whose last review passed on a security
 * reviewer's sign-off is judged again against the pull request's reviews as they are now, while a
 * push of a head reviewed without one, or still waiting for one, is skipped.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StandinCheckRun } from '../support/fake-github.js';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { pullRequestEvent, pullRequestReviewEvent } from '../support/webhook-payloads.js';
import {
  INSTALL_TASK,
  pullRequestOf,
  SECURITY_ROUTING,
  SECURITY_TEAM,
  SELINUX_OFF,
  targetFor,
  TASKS,
} from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function latestOn(runs: readonly StandinCheckRun[], headSha: string): StandinCheckRun | undefined {
  return runs.filter((run) => run.head_sha === headSha).at(-1);
}

describe('an approval withdrawn while the pull request was at another head', () => {
  it('does not leave the approved head green when it is pushed back', async () => {
    const approved = pullRequestOf({ [TASKS]: INSTALL_TASK }, { [TASKS]: SELINUX_OFF });
    const api = mockGitHubApi({
      fixture: approved,
      target: targetFor(approved),
      policy: { base: SECURITY_ROUTING },
      teams: SECURITY_TEAM,
    });
    const github = api.github;
    const probot = await probotUnderTest();
    await probot.receive(pullRequestEvent('opened', targetFor(approved)));
    expect(latestOn(github.checkRuns, approved.headSha)?.conclusion).toBe('action_required');

    // sam-sec approves the head: green.
    github.submitReview('sam-sec', 'APPROVED');
    await probot.receive(
      pullRequestReviewEvent('submitted', targetFor(approved), {
        reviewer: 'sam-sec',
        state: 'approved',
      }),
    );
    expect(latestOn(github.checkRuns, approved.headSha)?.conclusion).toBe('success');

    // The author pushes another commit; sam-sec then requests changes on the pull request.
    const later = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: SELINUX_OFF, 'README.md': 'Why SELinux is off\n' },
    );
    github.push(later);
    await probot.receive(pullRequestEvent('synchronize', targetFor(later)));
    github.submitReview('sam-sec', 'CHANGES_REQUESTED', { body: 'No: SELinux stays on.' });
    await probot.receive(
      pullRequestReviewEvent('submitted', targetFor(later), {
        reviewer: 'sam-sec',
        state: 'changes_requested',
      }),
    );
    expect(latestOn(github.checkRuns, later.headSha)?.conclusion).toBe('action_required');

    // The author force-pushes the approved commit back.
    github.push(approved, { force: true });
    await probot.receive(
      pullRequestEvent('synchronize', targetFor(approved), { deliveryId: 'delivery-push-back' }),
    );

    // The security reviewer's latest decision is "changes requested": the head needs a review.
    expect(latestOn(github.checkRuns, approved.headSha)?.conclusion).toBe('action_required');
  });

  it('does not judge again a head still waiting for a sign-off when its push arrives twice', async () => {
    const routed = pullRequestOf({ [TASKS]: INSTALL_TASK }, { [TASKS]: SELINUX_OFF });
    const api = mockGitHubApi({
      fixture: routed,
      target: targetFor(routed),
      policy: { base: SECURITY_ROUTING },
      teams: SECURITY_TEAM,
    });
    const github = api.github;
    const probot = await probotUnderTest();
    await probot.receive(pullRequestEvent('synchronize', targetFor(routed)));
    expect(latestOn(github.checkRuns, routed.headSha)?.conclusion).toBe('action_required');

    // The same push again (another replica, a redelivery under another id): nothing has changed.
    await probot.receive(
      pullRequestEvent('synchronize', targetFor(routed), { deliveryId: 'delivery-again' }),
    );
    expect(github.checkRuns.filter((run) => run.head_sha === routed.headSha)).toHaveLength(1);
  });
});
