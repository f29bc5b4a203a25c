import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, probotUnderTest } from '../support/probot-under-test.js';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import {
  INSECURE_DOWNLOAD,
  INSTALL_TASK,
  lineOf,
  pullRequestOf,
  targetFor,
  TASKS,
  worldWritableTasks,
} from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('the Posture check run', () => {
  it('is created in progress on the head commit, then completed with the conclusion and a counting title', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    const [created] = github.checkRunCreates();
    expect(github.checkRunCreates()).toHaveLength(1);
    expect(created?.body).toMatchObject({
      name: 'Posture',
      head_sha: fixture.headSha,
      status: 'in_progress',
      started_at: FIXED_NOW.toISOString(),
      output: { title: expect.any(String) as unknown, summary: expect.any(String) as unknown },
    });
    const updates = github.checkRunUpdates();
    expect(updates).toHaveLength(1);
    const completion = updates[0]?.body;
    expect(completion).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      completed_at: FIXED_NOW.toISOString(),
    });
    const output = completion?.output as {
      title: string;
      summary: string;
      text: string;
      annotations: { start_line: number; annotation_level: string; title: string }[];
    };
    expect(output.title).toMatch(/^\d+ high(, \d+ medium)? findings$/);
    // The run documents its rules itself; without RULE_DOCS_URL nothing links elsewhere.
    expect(output.text).toContain('## The rules in this review');
    expect(output.text).toContain(
      '### `tls-verification-disabled` TLS certificate verification disabled',
    );
    expect(output.summary).not.toMatch(/\]\(https?:/);
    expect(output.summary).toContain('Posture failed this pull request');
    const downloadLine = lineOf(INSECURE_DOWNLOAD.head[TASKS], 'validate_certs=no');
    expect(
      output.annotations.find((annotation) =>
        annotation.title.startsWith('tls-verification-disabled'),
      ),
    ).toMatchObject({
      start_line: downloadLine,
      annotation_level: 'failure',
    });
  });

  it('succeeds when no finding reaches the fail threshold, and the threshold comes from the base branch policy', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target, policy: { base: 'fail_on: critical\n' } });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('synchronize', target));

    expect(github.checkRunUpdates().at(-1)?.body).toMatchObject({
      status: 'completed',
      conclusion: 'success',
    });
  });

  it('uploads 120 annotations in batches of 50, 50 and 20, with the real summary only in the last request', async () => {
    const fixture = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: INSTALL_TASK, 'roles/web/tasks/dirs.yml': worldWritableTasks(120) },
    );
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    const updates = github.checkRunUpdates().map(
      (call) =>
        call.body as {
          status?: string;
          conclusion?: string;
          output: { title: string; summary: string; annotations: unknown[] };
        },
    );
    expect(updates.map((update) => update.output.annotations.length)).toEqual([50, 50, 20]);
    expect(
      updates
        .slice(0, 2)
        .every((update) => update.status === undefined && update.conclusion === undefined),
    ).toBe(true);
    expect(
      updates.slice(0, 2).some((update) => update.output.summary.includes('Posture failed')),
    ).toBe(false);
    expect(updates[2]).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: '120 high findings' },
    });
    expect(updates[2]?.output.summary).toContain('All 120 findings');
  });

  it('fails closed, with GitHub’s error and a re-run hint in the summary, when listing the change fails', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const target = targetFor(fixture);
    const github = mockGitHubApi({
      fixture,
      target,
      fail: { compare: { status: 500, message: 'Server Error' } },
    });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    expect(github.reviews()).toHaveLength(0);
    const completion = github.checkRunUpdates().at(-1)?.body as {
      status: string;
      conclusion: string;
      output: { title: string; summary: string };
    };
    expect(completion).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'Posture could not complete the review' },
    });
    expect(completion.output.summary).toContain(
      `GitHub answered 500 to GET https://api.github.com/repos/acme/infra/compare/${fixture.baseSha}...${fixture.headSha}: Server Error`,
    );
    expect(completion.output.summary).toContain('Re-run this check');
    expect(completion.output.summary).not.toContain('test-installation-token');
  });

  it('ends neutral instead when the base branch policy says on_error: neutral', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const target = targetFor(fixture);
    // A failure once the policy was read: the first completion of the run is refused.
    nock('https://api.github.com')
      .patch(/\/check-runs\/\d+$/)
      .once()
      .reply(502, { message: 'Bad Gateway' });
    const github = mockGitHubApi({ fixture, target, policy: { base: 'on_error: neutral\n' } });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    expect(github.github.checkRuns.at(-1)).toMatchObject({
      status: 'completed',
      conclusion: 'neutral',
      output: { title: 'Posture could not complete the review' },
    });
  });

  it('annotates a file the engine cannot parse as a warning and lists it in the summary', async () => {
    const broken = '---\n- name: Broken\n  shell: [unclosed\n  become: true\n';
    const fixture = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: INSTALL_TASK, 'roles/web/tasks/broken.yml': broken },
    );
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    const completion = github.checkRunUpdates().at(-1)?.body as {
      conclusion: string;
      output: { title: string; summary: string; annotations: Record<string, unknown>[] };
    };
    expect(completion.conclusion).toBe('failure');
    expect(completion.output.title).toBe(
      'No findings, 1 file not analysed: roles/web/tasks/broken.yml (syntax error)',
    );
    expect(completion.output.annotations).toEqual([
      expect.objectContaining({
        path: 'roles/web/tasks/broken.yml',
        annotation_level: 'warning',
        title: 'Posture could not analyse this file',
      }),
    ]);
    expect(completion.output.summary).toContain('### Files Posture could not analyse');
    expect(completion.output.summary).toContain('`roles/web/tasks/broken.yml:');
  });

  it('gives up, without a run to complete, when the check run cannot even be created', async () => {
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
    const target = targetFor(fixture);
    const github = mockGitHubApi({
      fixture,
      target,
      fail: { createCheckRun: { status: 403, message: 'Resource not accessible by integration' } },
    });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    // Posture checks the pull request's head and that it has no review yet, fails to create the
    // run, tries once more to record the failed review as a completed run, and gives up.
    expect(github.calls.map((call) => `${call.method} ${call.path.split('?')[0]}`)).toEqual([
      'GET /repos/acme/infra/pulls/7',
      `GET /repos/acme/infra/commits/${fixture.headSha}/check-runs`,
      'POST /repos/acme/infra/check-runs',
      'POST /repos/acme/infra/check-runs',
    ]);
  });

  it('fails a change too large for GitHub to list, as not fully evaluated', async () => {
    const pages = Object.fromEntries(
      Array.from({ length: 301 }, (_, index) => [`docs/page-${index}.md`, `Page ${index}\n`]),
    );
    const fixture = pullRequestOf(INSECURE_DOWNLOAD.base, { ...INSECURE_DOWNLOAD.head, ...pages });
    const target = targetFor(fixture);
    const github = mockGitHubApi({
      fixture,
      target,
      policy: { org: 'fail_on: critical\n' },
      maxTreeEntries: 50,
    });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    const completion = github.checkRunUpdates().at(-1)?.body as {
      conclusion: string;
      output: { title: string; summary: string };
    };
    expect(completion.conclusion).toBe('failure');
    expect(completion.output.title).toMatch(/^Not fully evaluated: /);
  });
});
