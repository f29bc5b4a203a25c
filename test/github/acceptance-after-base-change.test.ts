/**
 * A recorded "Accept risk" stands only while the pull request keeps its base branch, and only
 * when made by someone the current policy names as a security reviewer, as approvals do.
 *
 * Here `main`'s policy routes SELinux changes to team `ops`; `release`'s routes them to team
 * `security`. olly-ops accepts the risk while the pull request is for `main`, then the pull request
 * moves to `release`, where nobody of `security` has looked at it: the run needs a security review.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import {
  pullRequestEditedEvent,
  pullRequestEvent,
  requestedActionEvent,
} from '../support/webhook-payloads.js';
import {
  INSTALL_TASK,
  lastRun,
  pullRequestOf,
  SELINUX_OFF,
  targetFor,
  TASKS,
} from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const ROUTED_TO = (team: string) =>
  `review:\n  teams: [${team}]\n  when:\n    categories: [security-control-disabled]\n`;

describe('an accepted risk recorded before the pull request moved to another base', () => {
  it('does not settle the security review of a branch whose policy names other reviewers', async () => {
    const againstMain = pullRequestOf({ [TASKS]: INSTALL_TASK }, { [TASKS]: SELINUX_OFF });
    const api = mockGitHubApi({
      fixture: againstMain,
      target: targetFor(againstMain),
      policy: { base: ROUTED_TO('ops') },
      teams: { ops: ['olly-ops'], security: ['sam-sec'] },
    });
    const github = api.github;
    // Acceptances are dated by Posture's clock: before the move, as they would be.
    const probot = await probotUnderTest({ now: () => new Date('2025-03-01T08:30:00Z') });
    await probot.receive(pullRequestEvent('opened', targetFor(againstMain)));
    const run = lastRun(github.checkRuns);
    expect(run.conclusion).toBe('action_required');

    await probot.receive(
      requestedActionEvent(targetFor(againstMain), {
        sender: 'olly-ops',
        identifier: 'accept-risk',
        checkRun: { id: run.id, output: run.output },
      }),
    );
    expect(lastRun(github.checkRuns).conclusion).toBe('success');

    // The same head against `release`, whose policy sends SELinux changes to team `security`.
    const againstRelease = pullRequestOf(
      { [TASKS]: INSTALL_TASK, 'RELEASE.md': 'Release branch\n' },
      { [TASKS]: SELINUX_OFF, 'RELEASE.md': 'Release branch\n' },
    );
    github.moveBase(againstRelease, 'release');
    github.policy.base = ROUTED_TO('security');
    await probot.receive(
      pullRequestEditedEvent(
        targetFor(againstRelease),
        { base: { ref: { from: 'main' }, sha: { from: againstMain.baseSha } } },
        'delivery-moved',
      ),
    );

    const moved = lastRun(github.checkRuns);
    expect(moved.output.summary).toContain('team `security`');
    expect(moved.conclusion).toBe('action_required');
  });
});
