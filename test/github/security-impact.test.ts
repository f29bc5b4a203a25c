import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import { lineOf, pullRequestOf, targetFor } from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const SSHD = 'roles/ssh/tasks/main.yml';
const SSHD_TASKS = `---
- name: Close idle sessions
  ansible.builtin.lineinfile:
    path: /etc/ssh/sshd_config
    regexp: '^ClientAliveInterval'
    line: ClientAliveInterval 600
    validate: /usr/sbin/sshd -t -f %s
  notify: Restart sshd
`;
const SHORTER_SESSIONS = SSHD_TASKS.replace('ClientAliveInterval 600', 'ClientAliveInterval 300');

async function review(policy?: string) {
  const fixture = pullRequestOf({ [SSHD]: SSHD_TASKS }, { [SSHD]: SHORTER_SESSIONS });
  const target = targetFor(fixture);
  const api = mockGitHubApi({
    fixture,
    target,
    ...(policy ? { policy: { base: policy } } : {}),
    teams: { security: ['sam-sec'] },
  });
  await (await probotUnderTest()).receive(pullRequestEvent('opened', target));
  return api;
}

describe('the security impact of a change', () => {
  it('names SSH as touched by a pull request that only changes an sshd setting, with no finding', async () => {
    const api = await review();
    const run = api.github.checkRuns.at(-1);
    expect(run?.conclusion).toBe('success');
    expect(run?.output.title).toBe('No findings');
    const summary = run?.output.summary ?? '';
    expect(
      summary.startsWith(
        '**🟡 Medium risk** · touches SSH\n\n**No new findings** in the changed files Posture analysed.',
      ),
    ).toBe(true);
    expect(summary).toContain(
      `| SSH | \`${SSHD}:${lineOf(SHORTER_SESSIONS, '- name')}\`, \`${SSHD}:${lineOf(SSHD_TASKS, '- name')}\` (removed) |`,
    );
  });

  it('routes the change to security reviewers when the policy names its surface', async () => {
    const api = await review('review:\n  teams: [security]\n  when:\n    surfaces: [ssh]\n');
    const run = api.github.checkRuns.at(-1);
    expect(run?.conclusion).toBe('action_required');
    expect(run?.output.summary).toContain(
      "**This pull request needs a security reviewer's approval** because it touches SSH.",
    );
  });

  it('routes by risk level and by path, and says which conditions were met', async () => {
    const api = await review(
      'review:\n  users: [sam-sec]\n  when:\n    risk: medium\n    paths: ["roles/ssh/**"]\n',
    );
    const summary = api.github.checkRuns.at(-1)?.output.summary ?? '';
    expect(summary).toContain(
      `because its risk is medium, at or above medium; it changes \`${SSHD}\`, under \`roles/ssh/**\`.`,
    );
    expect([...api.github.requested.users]).toEqual(['sam-sec']);
  });
});
