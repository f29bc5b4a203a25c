import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probotUnderTest } from '../support/probot-under-test.js';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { blobSha } from '../support/pull-request-fixture.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import {
  INSECURE_DOWNLOAD,
  INSTALL_TASK,
  pullRequestOf,
  targetFor,
  TASKS,
} from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('the changed files of a pull request', () => {
  it('are those between the base commit and exactly the reviewed head, from the comparison', async () => {
    const fixture = pullRequestOf(
      {
        ...INSECURE_DOWNLOAD.base,
        'roles/old/tasks/main.yml': INSTALL_TASK,
        'README.md': 'Infra\n',
      },
      { ...INSECURE_DOWNLOAD.head, 'README.md': 'Infrastructure\n' },
    );
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    const compared = github.calls.filter((call) => call.path.includes('/compare/'));
    expect(compared.map((call) => call.path.split('?')[0])).toEqual([
      `/repos/acme/infra/compare/${fixture.baseSha}...${fixture.headSha}`,
    ]);
    expect(github.calls.filter((call) => call.path.includes('/pulls/7/files'))).toEqual([]);
    // One query reads the policies, both versions of the task file and the modes of its folder
    // at head (a link is no file to analyse); the Markdown is never read, and the removed role
    // only at the base, where its findings would count as fixed.
    const queries = github.calls.filter(
      (call) =>
        call.path === '/graphql' && String(call.body.query).startsWith('query PostureBlobs'),
    );
    expect(queries).toHaveLength(1);
    const objects = [...String(queries[0]?.body.query).matchAll(/object\((\w+): "([^"]+)"\)/g)].map(
      ([, kind, value]) => `${kind} ${value}`,
    );
    expect(objects).toEqual([
      'expression HEAD:.security.yml',
      `expression ${fixture.baseSha}:.security.yml`,
      `expression ${fixture.baseSha}:roles/old/tasks/main.yml`,
      `oid ${blobSha(INSECURE_DOWNLOAD.head[TASKS])}`,
      `expression ${fixture.baseSha}:${TASKS}`,
      `expression ${fixture.headSha}:roles/web/tasks`,
    ]);
    const completion = github.checkRunUpdates().at(-1)?.body as {
      conclusion: string;
      output: { summary: string; annotations: { path: string }[] };
    };
    expect(completion.conclusion).toBe('failure');
    expect(completion.output.annotations.every((annotation) => annotation.path === TASKS)).toBe(
      true,
    );
    expect(completion.output.summary).toContain('Analysed 1 file of 3 changed files');
  });

  it('are read from the two commits’ trees when the change passes the comparison’s 300 files', async () => {
    const pages = Object.fromEntries(
      Array.from({ length: 320 }, (_, index) => [
        `docs/page-${String(index).padStart(4, '0')}.md`,
        `Page ${index}\n`,
      ]),
    );
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, { ...INSECURE_DOWNLOAD.head, ...pages });
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    const trees = github.calls
      .filter((call) => call.path.includes('/git/trees/'))
      .map((call) => call.path.split('?')[0]?.split('/').pop());
    expect(trees.sort()).toEqual([fixture.baseSha, fixture.headSha].sort());
    const completion = github.checkRunUpdates().at(-1)?.body as {
      conclusion: string;
      output: { summary: string; annotations: { path: string }[] };
    };
    expect(completion.conclusion).toBe('failure');
    expect(completion.output.annotations.map((annotation) => annotation.path)).toContain(TASKS);
    expect(completion.output.summary).toContain('Analysed 1 file of 321 changed files');
  });

  it('are read from the trees when the comparison comes without its file list', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target });
    const rest = github.github.rest.bind(github.github);
    github.github.rest = (method, path, query, body) => {
      const response = rest(method, path, query, body);
      if (path.includes('/compare/')) delete (response.body as { files?: unknown }).files;
      return response;
    };
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    expect(github.calls.filter((call) => call.path.includes('/git/trees/'))).toHaveLength(2);
    const completion = github.checkRunUpdates().at(-1)?.body as { conclusion: string };
    expect(completion.conclusion).toBe('failure');
  });

  it('reads blobs that GraphQL returns truncated again over REST, by their SHA', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target, truncateBlobsOver: 60 });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    const refetched = github.calls
      .filter((call) => call.path.includes('/git/blobs/'))
      .map((call) => call.path.split('/').pop());
    expect(refetched.sort()).toEqual(
      [blobSha(INSECURE_DOWNLOAD.base[TASKS]), blobSha(INSECURE_DOWNLOAD.head[TASKS])].sort(),
    );
    expect(github.github.checkRuns.at(-1)?.output.title).toBe('1 high, 2 medium findings');
  });

  it('fails, with the error, when GitHub answers the content query with an error', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const target = targetFor(fixture);
    const github = mockGitHubApi({
      fixture,
      target,
      fail: { graphql: { status: 502, message: 'Bad Gateway' } },
    });

    await (await probotUnderTest()).receive(pullRequestEvent('opened', target));

    const run = github.github.checkRuns.at(-1);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(run?.output.summary).toContain(
      'GitHub answered 502 to POST https://api.github.com/graphql',
    );
    expect(run?.output.summary).toContain('Re-run this check');
  });
});
