/**
 * Right after a push, GitHub's API can still show the pull request's previous head. A job for the
 * pushed head that took that answer for a newer head would cancel its own run and lose the
 * review; the answer's `updated_at`, older than the push event's, shows it is behind, and the job
 * waits for GitHub to catch up.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
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

describe('a push GitHub does not show yet', () => {
  it('is reviewed once GitHub catches up, not cancelled as superseded by the previous head', async () => {
    const first = pullRequestOf(INSECURE_DOWNLOAD.base, {
      [TASKS]: `${INSECURE_DOWNLOAD.base[TASKS]}${harmlessTasks(1)}`,
    });
    const pushed = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const api = mockGitHubApi({ fixture: first, target: targetFor(first) });
    const github = api.github;
    const probot = await probotUnderTest();
    await probot.receive(pullRequestEvent('opened', targetFor(first)));

    github.push(pushed);
    // The first two reads of the pull request after the push still show the previous head.
    const rest = github.rest.bind(github);
    let staleReads = 2;
    github.rest = (method, path, query, body) => {
      const response = rest(method, path, query, body);
      if (staleReads > 0 && method === 'GET' && path === '/repos/acme/infra/pulls/7') {
        staleReads -= 1;
        const pull = response.body as { head: { sha: string }; updated_at: string };
        pull.head.sha = first.headSha;
        pull.updated_at = '2000-01-01T00:00:00Z';
      }
      return response;
    };
    await probot.receive(pullRequestEvent('synchronize', targetFor(pushed)));

    // One run on the pushed head, the review's: none cancelled as superseded by the old head.
    const runs = github.checkRuns.filter((run) => run.head_sha === pushed.headSha);
    expect(runs.map((run) => run.conclusion)).toEqual(['failure']);
    expect(runs[0]?.output.title).toContain('high');
  });
});
