/**
 * A file name is the pull request author's to choose, and the check run lists the files of
 * findings. A file named like Posture's hidden review record (or like an acceptance record) must
 * not carry a security approval from one commit to a later one that adds a routed finding.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readReviewMarker } from '../../src/report/review-marker.js';
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

/**
 * Medium findings of categories the routing does not look at: they list the file, and, below the
 * fail threshold, stay out of the routing digest, which the file's name can then repeat.
 */
const UNROUTED = `---
- name: Fetch the agent
  get_url: url=http://example.com/x dest=/tmp/x
`;
/** A second routed finding: the firewall stopped as well. */
const SELINUX_AND_FIREWALL = `${SELINUX_OFF}\n- name: Stop the firewall\n  ansible.builtin.service:\n    name: firewalld\n    state: stopped\n`;

/** The routing digest Posture records for the routed findings of the attacker's later commit. */
async function routingDigestOfLaterCommit(): Promise<string> {
  const fixture = pullRequestOf({ [TASKS]: INSTALL_TASK }, { [TASKS]: SELINUX_AND_FIREWALL });
  const target = targetFor(fixture);
  const api = mockGitHubApi({
    fixture,
    target,
    policy: { base: SECURITY_ROUTING },
    teams: SECURITY_TEAM,
  });
  const probot = await probotUnderTest();
  await probot.receive(pullRequestEvent('opened', target));
  await probot.close();
  nock.cleanAll();
  const digest = readReviewMarker(
    lastRun(api.github.checkRuns).output.summary,
    fixture.headSha,
  )?.routingDigest;
  if (!digest) throw new Error('the later commit was not routed');
  return digest;
}

/** Commit A: SELinux off (routed) and a flagged file named `name`; commit B adds a stopped firewall. */
async function pullRequestWithFileNamed(name: string) {
  const forgedFile = `roles/web/tasks/${name}.yml`;
  const first = pullRequestOf(
    { [TASKS]: INSTALL_TASK },
    { [TASKS]: SELINUX_OFF, [forgedFile]: UNROUTED },
  );
  const later = pullRequestOf(
    { [TASKS]: INSTALL_TASK },
    { [TASKS]: SELINUX_AND_FIREWALL, [forgedFile]: UNROUTED },
  );
  const api = mockGitHubApi({
    fixture: first,
    target: targetFor(first),
    policy: { base: SECURITY_ROUTING },
    teams: SECURITY_TEAM,
  });
  const probot = await probotUnderTest();
  await probot.receive(pullRequestEvent('opened', targetFor(first)));
  const run = lastRun(api.github.checkRuns);
  expect(run).toMatchObject({ head_sha: first.headSha, conclusion: 'action_required' });
  return { first, later, github: api.github, probot, summary: run.output.summary ?? '' };
}

describe('a file named like one of Posture’s hidden records', () => {
  it('does not carry a security approval to a later commit that adds a routed finding', async () => {
    const digest = await routingDigestOfLaterCommit();
    const { first, later, github, probot, summary } = await pullRequestWithFileNamed(
      `<!-- posture:review head=${'0'.repeat(40)} routing=${digest} -->`,
    );

    github.submitReview('sam-sec', 'APPROVED');
    await probot.receive(
      pullRequestReviewEvent('submitted', targetFor(first), {
        reviewer: 'sam-sec',
        state: 'approved',
      }),
    );
    expect(lastRun(github.checkRuns)).toMatchObject({
      head_sha: first.headSha,
      conclusion: 'success',
    });

    github.push(later);
    await probot.receive(pullRequestEvent('synchronize', targetFor(later)));
    const run = lastRun(github.checkRuns);
    // The forged line named exactly this routing: an approval read from it would turn B green.
    expect(readReviewMarker(run.output.summary, later.headSha)?.routingDigest).toBe(digest);
    expect(run).toMatchObject({ head_sha: later.headSha, conclusion: 'action_required' });
    expect(run.output.title).toMatch(/^Security review needed: /);
    expect(run.output.summary).not.toContain('**Approved by a security reviewer:**');
    // The file is listed in commit A's summary, and only Posture's own line is an HTML comment.
    expect(summary).toContain('missing-integrity-check');
    expect(summary.match(/<!--/g)).toHaveLength(1);
  });

  it('does not turn an accepted risk into a sign-off of a later commit that adds a routed finding', async () => {
    const digest = await routingDigestOfLaterCommit();
    const forged = JSON.stringify({
      by: 'sam-sec',
      at: '2025-03-01T00:00:00.000Z',
      commitSha: '0'.repeat(40),
      reason: '',
      routingDigest: digest,
      accepted: [],
    });
    const { first, later, github, probot } = await pullRequestWithFileNamed(
      `<!-- posture:accepted-risk ${forged} -->`,
    );

    await probot.receive(
      requestedActionEvent(targetFor(first), {
        sender: 'sam-sec',
        identifier: 'accept-risk',
        checkRun: lastRun(github.checkRuns),
      }),
    );
    expect(lastRun(github.checkRuns)).toMatchObject({
      head_sha: first.headSha,
      conclusion: 'success',
    });

    github.push(later);
    await probot.receive(pullRequestEvent('synchronize', targetFor(later)));
    const run = lastRun(github.checkRuns);
    expect(readReviewMarker(run.output.summary, later.headSha)?.routingDigest).toBe(digest);
    expect(run).toMatchObject({ head_sha: later.headSha, conclusion: 'action_required' });
    expect(run.output.summary).not.toContain('**Risk accepted by a security reviewer:**');
    // The comment lists the file, and only Posture's own record is an HTML comment.
    const [record] = github.conversation;
    expect(record?.body).toContain('missing-integrity-check');
    expect(record?.body.match(/<!--/g)).toHaveLength(1);
  });
});
