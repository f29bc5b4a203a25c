/**
 * A security reviewer's sign-off replaces the fail threshold, and an approval given on an earlier
 * commit carries over while the routing digest stays the same. The digest holds what triggered
 * the routing and every new finding at the fail threshold, so a later push that adds a high
 * finding of another category (or edits `.security.yml` to `fail_on: none`, a high
 * `policy-change` finding) is not covered by the carried sign-off: the run on it needs a new one.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import {
  pullRequestEvent,
  pullRequestReviewEvent,
  requestedActionEvent,
} from '../support/webhook-payloads.js';
import {
  INSTALL_TASK,
  lastRun,
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

/** Not of the routed category: a download over plain HTTP with TLS verification off (high). */
const INSECURE_DOWNLOAD_TASK =
  '\n- name: Fetch the agent\n  get_url: url=http://example.com/x dest=/tmp/x validate_certs=no\n';

async function selinuxSignedOff(signOff: 'approval' | 'accepted-risk') {
  const first = pullRequestOf({ [TASKS]: INSTALL_TASK }, { [TASKS]: SELINUX_OFF });
  const api = mockGitHubApi({
    fixture: first,
    target: targetFor(first),
    policy: { base: SECURITY_ROUTING },
    teams: SECURITY_TEAM,
  });
  const github = api.github;
  const probot = await probotUnderTest();
  await probot.receive(pullRequestEvent('opened', targetFor(first)));
  expect(lastRun(github.checkRuns).conclusion).toBe('action_required');
  if (signOff === 'approval') {
    github.submitReview('sam-sec', 'APPROVED');
    await probot.receive(
      pullRequestReviewEvent('submitted', targetFor(first), {
        reviewer: 'sam-sec',
        state: 'approved',
      }),
    );
  } else {
    const run = lastRun(github.checkRuns);
    await probot.receive(
      requestedActionEvent(targetFor(first), {
        sender: 'sam-sec',
        identifier: 'accept-risk',
        checkRun: { id: run.id, output: run.output },
      }),
    );
  }
  expect(lastRun(github.checkRuns)).toMatchObject({
    head_sha: first.headSha,
    conclusion: 'success',
  });
  return { github, probot };
}

/** The same SELinux change, and now an insecure download nobody signed off. */
const later = pullRequestOf(
  { [TASKS]: INSTALL_TASK },
  { [TASKS]: `${SELINUX_OFF}${INSECURE_DOWNLOAD_TASK}` },
);

describe('a sign-off carried to a later commit', () => {
  it.each([
    ['an approved commit did not have', 'approval'],
    ['an accepted risk did not cover', 'accepted-risk'],
  ] as const)('does not pass a high finding of another category that %s', async (_, signOff) => {
    const { github, probot } = await selinuxSignedOff(signOff);

    github.push(later);
    await probot.receive(pullRequestEvent('synchronize', targetFor(later)));

    const run = lastRun(github.checkRuns);
    expect(run.head_sha).toBe(later.headSha);
    expect(run.output.title).toContain('high');
    expect(run.conclusion).not.toBe('success');
  });

  it('does not pass a later edit of `.security.yml` that loosens the policy', async () => {
    const { github, probot } = await selinuxSignedOff('approval');

    const loosened = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: SELINUX_OFF, '.security.yml': `fail_on: none\n${SECURITY_ROUTING}` },
    );
    github.push(loosened);
    await probot.receive(pullRequestEvent('synchronize', targetFor(loosened)));

    const run = lastRun(github.checkRuns);
    expect(run.head_sha).toBe(loosened.headSha);
    expect(run.output.summary).toContain('It loosens the policy: fail_on: high → none');
    expect(run.conclusion).not.toBe('success');
  });
});
