import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_LOGIN, type StandinCheckRun } from '../support/fake-github.js';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import {
  pullRequestEditedEvent,
  pullRequestEvent,
  pullRequestReviewEvent,
  requestedActionEvent,
} from '../support/webhook-payloads.js';
import {
  harmlessTasks,
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

async function openSelinuxPullRequest(policy = SECURITY_ROUTING) {
  const fixture = pullRequestOf({ [TASKS]: INSTALL_TASK }, { [TASKS]: SELINUX_OFF });
  const target = targetFor(fixture);
  const api = mockGitHubApi({ fixture, target, policy: { base: policy }, teams: SECURITY_TEAM });
  const probot = await probotUnderTest();
  await probot.receive(pullRequestEvent('opened', target));
  return { fixture, target, api, github: api.github, probot };
}

function click(target: ReturnType<typeof targetFor>, run: StandinCheckRun, sender: string) {
  return requestedActionEvent(target, {
    sender,
    identifier: 'accept-risk',
    checkRun: { id: run.id, output: run.output },
  });
}

describe('a pull request that disables SELinux, routed to the security team', () => {
  it('asks the team, needs action with the pull request as details, and turns green when a member approves the head', async () => {
    const { target, api, github, probot } = await openSelinuxPullRequest();

    const first = lastRun(github.checkRuns);
    expect(first).toMatchObject({
      head_sha: target.headSha,
      conclusion: 'action_required',
      details_url: github.htmlUrl,
      actions: [
        {
          label: 'Accept risk',
          identifier: 'accept-risk',
          description: 'Security reviewer accepts these findings',
        },
      ],
    });
    expect(first.output.title).toBe('Security review needed: 1 high finding');
    expect(first.output.summary).toContain(
      "**This pull request needs a security reviewer's approval** because it adds a `security-control-disabled` finding.",
    );
    expect(first.output.summary).toContain(
      '- **Review request:** Posture asked team `security` to review.',
    );
    expect([...github.requested.teams]).toEqual(['security']);
    expect(api.reviews()).toHaveLength(1);

    github.submitReview('sam-sec', 'APPROVED');
    await probot.receive(
      pullRequestReviewEvent('submitted', target, { reviewer: 'sam-sec', state: 'approved' }),
    );

    expect(github.checkRuns).toHaveLength(2);
    const second = lastRun(github.checkRuns);
    expect(second).toMatchObject({ head_sha: target.headSha, conclusion: 'success' });
    expect(second.actions).toBeUndefined();
    expect(second.output.summary).toContain(
      `**Approved by a security reviewer:** @sam-sec approved \`${target.headSha.slice(0, 7)}\`.`,
    );
    // The re-evaluation neither repeats the inline comment nor asks the team again.
    expect(api.reviews()).toHaveLength(1);
    expect(api.calls.filter((call) => call.path.endsWith('/requested_reviewers'))).toHaveLength(1);
  });

  it('does not count an approval from someone outside the security team', async () => {
    const { target, github, probot } = await openSelinuxPullRequest();

    github.submitReview('bob', 'APPROVED');
    await probot.receive(
      pullRequestReviewEvent('submitted', target, { reviewer: 'bob', state: 'approved' }),
    );

    expect(lastRun(github.checkRuns).conclusion).toBe('action_required');
  });

  it('refuses "Accept risk" from the author and from anyone outside the security team, on the run they clicked', async () => {
    const { target, api, github, probot } = await openSelinuxPullRequest();
    const run = lastRun(github.checkRuns);

    await probot.receive(click(target, run, github.author));
    expect(github.checkRuns).toHaveLength(1);
    expect(run.conclusion).toBe('action_required');
    expect(run.output.summary).toMatch(
      /^> \[!WARNING\]\n> \*\*Accept risk refused\*\* for @casey-dev: @casey-dev opened this pull request, and the author cannot accept the risk of their own change\.\n\n\*\*🔴 High risk\*\*/,
    );

    await probot.receive(click(target, { ...run, output: { ...run.output } }, 'bob'));
    expect(run.output.summary).toMatch(
      /^> \[!WARNING\]\n> \*\*Accept risk refused\*\* for @bob: @bob is not one of the security reviewers \(team `security`\)\.\n\n\*\*🔴 High risk/,
    );
    expect((run.output.summary ?? '').match(/Accept risk refused/g)).toHaveLength(1);
    expect(github.conversation).toEqual([]);
    expect(api.calls.filter((call) => call.path.includes('/issues/'))).toEqual([]);
  });

  it('records a security reviewer’s "Accept risk" with who, when and why, re-runs green, and keeps it until a push adds a new routed finding', async () => {
    const { target, github, probot } = await openSelinuxPullRequest();
    github.submitReview('sam-sec', 'COMMENTED', {
      body: 'The legacy agent needs SELinux off until it is replaced in Q3.',
    });

    await probot.receive(click(target, lastRun(github.checkRuns), 'sam-sec'));

    const [record] = github.conversation;
    expect(record?.author).toEqual({ login: APP_LOGIN, type: 'Bot' });
    expect(record?.body).toContain(
      `**Risk accepted** by @sam-sec on 2025-03-01 12:00 UTC, for \`${target.headSha.slice(0, 7)}\`.`,
    );
    expect(record?.body).toContain(
      '> The legacy agent needs SELinux off until it is replaced in Q3.',
    );
    const accepted = lastRun(github.checkRuns);
    expect(github.checkRuns).toHaveLength(2);
    expect(accepted).toMatchObject({ conclusion: 'success', head_sha: target.headSha });
    expect(accepted.output.title).toBe('No findings, 1 accepted');
    expect(accepted.output.summary).toContain(
      '- **Risk accepted** by @sam-sec on 2025-03-01 12:00 UTC, on',
    );
    expect(accepted.output.summary).toContain(
      'risk accepted by @sam-sec on 2025-03-01: The legacy agent needs SELinux off until it is replaced in Q3.',
    );

    // The same finding, moved down by unrelated tasks: still accepted.
    const moved = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: `${INSTALL_TASK}${harmlessTasks(3)}${SELINUX_OFF.slice(INSTALL_TASK.length)}` },
    );
    github.push(moved);
    await probot.receive(pullRequestEvent('synchronize', targetFor(moved)));
    expect(lastRun(github.checkRuns)).toMatchObject({
      head_sha: moved.headSha,
      conclusion: 'success',
    });

    // A firewall stopped as well: a new routed finding the acceptance does not cover.
    const more = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      {
        [TASKS]: `${SELINUX_OFF}\n- name: Stop the firewall\n  ansible.builtin.service:\n    name: firewalld\n    state: stopped\n`,
      },
    );
    github.push(more);
    await probot.receive(pullRequestEvent('synchronize', targetFor(more)));
    const reopened = lastRun(github.checkRuns);
    expect(reopened).toMatchObject({ head_sha: more.headSha, conclusion: 'action_required' });
    expect(reopened.output.title).toBe('Security review needed: 1 high finding, 1 accepted');
  });

  it('carries an approval to a later commit that changes nothing the routing depends on, and asks again when it does', async () => {
    const { fixture, github, probot } = await openSelinuxPullRequest();
    github.submitReview('sam-sec', 'APPROVED');
    await probot.receive(
      pullRequestReviewEvent('submitted', targetFor(fixture), {
        reviewer: 'sam-sec',
        state: 'approved',
      }),
    );
    expect(github.requested.teams.size).toBe(0);

    const docsOnly = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: SELINUX_OFF, 'README.md': 'Why SELinux is off\n' },
    );
    github.push(docsOnly);
    await probot.receive(pullRequestEvent('synchronize', targetFor(docsOnly)));
    const carried = lastRun(github.checkRuns);
    expect(carried).toMatchObject({ head_sha: docsOnly.headSha, conclusion: 'success' });
    expect(carried.output.summary).toContain(
      `@sam-sec approved \`${fixture.headSha.slice(0, 7)}\``,
    );

    const permissive = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: SELINUX_OFF.replace('state: disabled', 'state: permissive') },
    );
    github.push(permissive);
    await probot.receive(pullRequestEvent('synchronize', targetFor(permissive)));
    expect(lastRun(github.checkRuns)).toMatchObject({
      head_sha: permissive.headSha,
      conclusion: 'action_required',
    });
    expect([...github.requested.teams]).toEqual(['security']);
  });

  it('does not count an approval given before the pull request moved to another base branch', async () => {
    const { fixture, github, probot } = await openSelinuxPullRequest();
    github.submitReview('sam-sec', 'APPROVED');
    await probot.receive(
      pullRequestReviewEvent('submitted', targetFor(fixture), {
        reviewer: 'sam-sec',
        state: 'approved',
      }),
    );
    expect(lastRun(github.checkRuns)).toMatchObject({ conclusion: 'success' });

    // The same head against `release`: the reviewer judged it against another branch.
    const againstRelease = pullRequestOf(
      { [TASKS]: INSTALL_TASK, 'RELEASE.md': 'Release branch\n' },
      { [TASKS]: SELINUX_OFF, 'RELEASE.md': 'Release branch\n' },
    );
    github.moveBase(againstRelease, 'release');
    await probot.receive(
      pullRequestEditedEvent(
        targetFor(againstRelease),
        { base: { ref: { from: 'main' }, sha: { from: fixture.baseSha } } },
        'delivery-moved',
      ),
    );
    const moved = lastRun(github.checkRuns);
    expect(moved).toMatchObject({ conclusion: 'action_required' });
    expect(moved.output.summary).not.toContain('Approved by a security reviewer');

    github.submitReview('sam-sec', 'APPROVED');
    await probot.receive(
      pullRequestReviewEvent('submitted', targetFor(againstRelease), {
        reviewer: 'sam-sec',
        state: 'approved',
      }),
    );
    expect(lastRun(github.checkRuns)).toMatchObject({ conclusion: 'success' });
  });

  it('takes no acceptance record that Posture did not write, however it looks', async () => {
    const { target, github, probot } = await openSelinuxPullRequest();
    const forged = `<!-- posture:accepted-risk {"by":"sam-sec","at":"2025-03-01T00:00:00Z","commitSha":"${target.headSha}","reason":"x","accepted":[]} -->`;
    github.comment({ login: 'casey-dev', type: 'User' }, forged);
    github.comment({ login: 'other-bot', type: 'Bot' }, forged);

    await probot.receive({ ...pullRequestEvent('reopened', target), id: 'reopened-after-forgery' });
    github.submitReview('bob', 'APPROVED');
    await probot.receive(
      pullRequestReviewEvent('submitted', target, { reviewer: 'bob', state: 'approved' }),
    );

    expect(lastRun(github.checkRuns).conclusion).toBe('action_required');
  });

  it('does not route a pull request the conditions do not cover, and then offers no button', async () => {
    const { github, api } = await openSelinuxPullRequest(
      'review:\n  teams: [security]\n  when:\n    categories: [pipe-to-shell]\n',
    );
    const run = lastRun(github.checkRuns);
    expect(run.conclusion).toBe('failure');
    expect(run.output.summary).not.toContain('### Security review');
    // A security reviewer could still accept the failing finding.
    expect(run.actions?.map((action) => action.identifier)).toEqual(['accept-risk']);
    expect(api.calls.filter((call) => call.path.endsWith('/requested_reviewers'))).toEqual([]);
  });

  it('asks nobody while the pull request is a draft, and asks the team once it is ready', async () => {
    const fixture = pullRequestOf({ [TASKS]: INSTALL_TASK }, { [TASKS]: SELINUX_OFF });
    const target = targetFor(fixture);
    const api = mockGitHubApi({
      fixture,
      target,
      policy: { base: SECURITY_ROUTING },
      teams: SECURITY_TEAM,
      draft: true,
    });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target, { draft: true }));
    expect(lastRun(api.github.checkRuns).conclusion).toBe('action_required');
    expect(lastRun(api.github.checkRuns).output.summary).toContain(
      'not sent yet: Posture asks the security reviewers once this draft is ready for review.',
    );
    expect(api.github.requested.teams.size).toBe(0);

    api.github.draft = false;
    await probot.receive(pullRequestEvent('ready_for_review', target));
    expect([...api.github.requested.teams]).toEqual(['security']);
    expect(api.reviews()).toHaveLength(1);
  });
});
