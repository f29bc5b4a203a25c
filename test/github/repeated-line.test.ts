/**
 * Findings are fingerprinted by rule, path and line text, with an occurrence number that keeps two
 * identical flagged lines of one file apart (`<sha256>:1`, `<sha256>:2`). "Accept risk" records
 * and the routing digest keep that number: accepting one `validate_certs: no` (an internal mirror)
 * does not accept a copy a later push adds (a download from anywhere), and a second copy of a
 * routed finding changes the digest, so an approval does not carry over to it.
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
import { INSTALL_TASK, lastRun, pullRequestOf, targetFor, TASKS } from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const CHECKSUM = `sha256:${'0123456789abcdef'.repeat(4)}`;
/** A download with certificate checks off: one high finding, on its `validate_certs: no` line. */
function download(name: string, url: string): string {
  return `\n- name: ${name}\n  ansible.builtin.get_url:\n    url: ${url}\n    dest: /opt/${name.length}.rpm\n    checksum: ${CHECKSUM}\n    validate_certs: no\n`;
}
const MIRROR = download(
  'Fetch the agent from the internal mirror',
  'https://mirror.corp.example/a.rpm',
);
const PUBLIC = download('Fetch a plugin from anywhere', 'https://downloads.example.net/plugin.rpm');

const first = pullRequestOf({ [TASKS]: INSTALL_TASK }, { [TASKS]: `${INSTALL_TASK}${MIRROR}` });
const later = pullRequestOf(
  { [TASKS]: INSTALL_TASK },
  { [TASKS]: `${INSTALL_TASK}${MIRROR}${PUBLIC}` },
);

describe('a later copy of an accepted or approved flagged line', () => {
  it('is not covered by an accepted risk', async () => {
    const api = mockGitHubApi({
      fixture: first,
      target: targetFor(first),
      policy: { base: 'review:\n  users: [sam-sec]\n' },
    });
    const github = api.github;
    const probot = await probotUnderTest();
    await probot.receive(pullRequestEvent('opened', targetFor(first)));
    const run = lastRun(github.checkRuns);
    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toBe('1 high finding');

    await probot.receive(
      requestedActionEvent(targetFor(first), {
        sender: 'sam-sec',
        identifier: 'accept-risk',
        checkRun: { id: run.id, output: run.output },
      }),
    );
    expect(lastRun(github.checkRuns).conclusion).toBe('success');

    github.push(later);
    await probot.receive(pullRequestEvent('synchronize', targetFor(later)));

    const pushed = lastRun(github.checkRuns);
    expect(pushed.head_sha).toBe(later.headSha);
    expect(pushed.output.title).toBe('1 high finding, 1 accepted');
    expect(pushed.conclusion).toBe('failure');
  });

  it('changes the routing digest, so an approval of the first copy does not carry over', async () => {
    const api = mockGitHubApi({
      fixture: first,
      target: targetFor(first),
      policy: {
        base: 'review:\n  teams: [security]\n  when:\n    categories: [tls-verification-disabled]\n',
      },
      teams: { security: ['sam-sec'] },
    });
    const github = api.github;
    const probot = await probotUnderTest();
    await probot.receive(pullRequestEvent('opened', targetFor(first)));
    expect(lastRun(github.checkRuns).conclusion).toBe('action_required');
    github.submitReview('sam-sec', 'APPROVED');
    await probot.receive(
      pullRequestReviewEvent('submitted', targetFor(first), {
        reviewer: 'sam-sec',
        state: 'approved',
      }),
    );
    expect(lastRun(github.checkRuns).conclusion).toBe('success');

    github.push(later);
    await probot.receive(pullRequestEvent('synchronize', targetFor(later)));

    const pushed = lastRun(github.checkRuns);
    expect(pushed.head_sha).toBe(later.headSha);
    expect(pushed.conclusion).toBe('action_required');
  });
});
