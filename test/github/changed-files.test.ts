import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probotUnderTest } from '../support/probot-under-test.js';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { blobSha } from '../support/pull-request-fixture.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import { documentationFiles, INSECURE_DOWNLOAD, INSTALL_TASK, pullRequestOf, targetFor, TASKS } from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('the changed files of a pull request', () => {
  it('are read across every page of pulls.listFiles, following the Link headers', async () => {
    const fixture = pullRequestOf(
      { ...INSECURE_DOWNLOAD.base, 'roles/old/tasks/main.yml': INSTALL_TASK },
      { ...INSECURE_DOWNLOAD.head },
    );
    // 248 Markdown files sort before the two role files, which therefore arrive on page 3.
    const files = [...documentationFiles(248), ...fixture.files];
    const target = targetFor(fixture, files.length);
    const github = mockGitHubApi({ fixture, target, files });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    const listed = github.calls.filter((call) => call.path.includes('/pulls/7/files')).map((call) => new URL(call.path, 'https://x').searchParams);
    expect(listed.map((query) => [query.get('per_page'), query.get('page') ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3'],
    ]);
    // One query reads the policies and both versions of the task file; the Markdown is never
    // read, and the removed role only at the base, where its findings would count as fixed.
    const queries = github.calls.filter((call) => call.path === '/graphql' && String(call.body.query).startsWith('query PostureBlobs'));
    expect(queries).toHaveLength(1);
    const objects = [...String(queries[0]?.body.query).matchAll(/object\((\w+): "([^"]+)"\)/g)].map(([, kind, value]) => `${kind} ${value}`);
    expect(objects).toEqual([
      'expression HEAD:.security.yml',
      `expression ${fixture.baseSha}:.security.yml`,
      `expression ${fixture.baseSha}:roles/old/tasks/main.yml`,
      `oid ${blobSha(INSECURE_DOWNLOAD.head[TASKS])}`,
      `expression ${fixture.baseSha}:${TASKS}`,
    ]);
    expect(github.calls.filter((call) => call.path.includes('/git/blobs/'))).toEqual([]);
    const completion = github.checkRunUpdates().at(-1)?.body as { conclusion: string; output: { summary: string; annotations: { path: string }[] } };
    expect(completion.conclusion).toBe('failure');
    expect(completion.output.annotations.every((annotation) => annotation.path === TASKS)).toBe(true);
    expect(completion.output.summary).toContain('Analysed 1 file of 250 changed files');
  });

  it('reads blobs that GraphQL returns truncated again over REST, by their SHA', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target, truncateBlobsOver: 60 });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    const refetched = github.calls.filter((call) => call.path.includes('/git/blobs/')).map((call) => call.path.split('/').pop());
    expect(refetched.sort()).toEqual([blobSha(INSECURE_DOWNLOAD.base[TASKS]), blobSha(INSECURE_DOWNLOAD.head[TASKS])].sort());
    expect(github.github.checkRuns.at(-1)?.output.title).toBe('1 high, 2 medium findings');
  });

  it('ends neutral when GitHub answers the content query with an error', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target, fail: { graphql: { status: 502, message: 'Bad Gateway' } } });

    await (await probotUnderTest()).receive(pullRequestEvent('opened', target));

    const run = github.github.checkRuns.at(-1);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(run?.output.summary).toContain('GitHub answered 502 to POST https://api.github.com/graphql');
  });
});
