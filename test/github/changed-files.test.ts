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
    // Only the changed task file is fetched: not the Markdown, not the removed role.
    const fetched = github.calls.filter((call) => call.path.includes('/git/blobs/')).map((call) => call.path.split('/').pop());
    expect(fetched).toEqual([blobSha(INSECURE_DOWNLOAD.head[TASKS])]);
    const completion = github.checkRunUpdates().at(-1)?.body as { conclusion: string; output: { summary: string; annotations: { path: string }[] } };
    expect(completion.conclusion).toBe('failure');
    expect(completion.output.annotations.every((annotation) => annotation.path === TASKS)).toBe(true);
    expect(completion.output.summary).toContain('Analysed 1 file of 250 changed files');
  });
});
