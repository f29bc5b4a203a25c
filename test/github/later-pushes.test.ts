import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import {
  harmlessTasks,
  INSECURE_DOWNLOAD,
  INSTALL_TASK,
  lineOf,
  pullRequestOf,
  targetFor,
  TASKS,
} from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const DOWNLOAD = INSECURE_DOWNLOAD.head[TASKS];
/** The download task alone: over plain HTTP without a checksum, TLS verification off (two findings). */
const DOWNLOAD_TASK = DOWNLOAD.slice(INSTALL_TASK.length).replace(/^\n/, '');
const WORLD_WRITABLE = `- name: Upload directory\n  ansible.builtin.file:\n    path: /srv/uploads\n    state: directory\n    mode: '0777'\n`;

describe('findings across versions', () => {
  it('keeps a finding that a pull request only moves to another line existing: no comment, no failure', async () => {
    const base = { [TASKS]: `---\n${harmlessTasks(4)}${DOWNLOAD_TASK}` };
    const head = { [TASKS]: `---\n${DOWNLOAD_TASK}${harmlessTasks(4)}` };
    const fixture = pullRequestOf(base, head);
    const target = targetFor(fixture);
    const api = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    // The diff shows the task as removed below and added above: its lines are "added" lines.
    expect(lineOf(head[TASKS], 'validate_certs=no')).toBeLessThan(
      lineOf(base[TASKS], 'validate_certs=no'),
    );
    expect(fixture.addedLines.get(TASKS)?.has(lineOf(head[TASKS], 'validate_certs=no'))).toBe(true);
    expect(api.reviews()).toEqual([]);
    const run = api.github.checkRuns.at(-1);
    expect(run?.conclusion).toBe('success');
    expect(run?.output.title).toBe('No new findings, 3 existing');
    expect(run?.annotations.every((annotation) => annotation.annotation_level === 'notice')).toBe(
      true,
    );
  });

  it('judges existing findings too when the policy sets fail_on_existing', async () => {
    const fixture = pullRequestOf(
      { [TASKS]: DOWNLOAD },
      { [TASKS]: `${DOWNLOAD}${harmlessTasks(1)}` },
    );
    const target = targetFor(fixture);
    const api = mockGitHubApi({ fixture, target, policy: { base: 'fail_on_existing: true\n' } });

    await (await probotUnderTest()).receive(pullRequestEvent('opened', target));

    const run = api.github.checkRuns.at(-1);
    expect(run?.conclusion).toBe('failure');
    expect(run?.output.summary).toContain(
      '**Posture failed this pull request:** 1 finding is at or above the fail threshold (high).',
    );
    expect(run?.annotations.some((annotation) => annotation.annotation_level === 'failure')).toBe(
      true,
    );
  });

  it('credits findings that a pull request removes, deleted files included', async () => {
    const fixture = pullRequestOf(
      { [TASKS]: DOWNLOAD, 'roles/old/tasks/main.yml': WORLD_WRITABLE },
      { [TASKS]: INSTALL_TASK },
    );
    const target = targetFor(fixture);
    const api = mockGitHubApi({ fixture, target });

    await (await probotUnderTest()).receive(pullRequestEvent('opened', target));

    const run = api.github.checkRuns.at(-1);
    expect(run?.conclusion).toBe('success');
    expect(run?.output.title).toBe('No findings, 4 fixed');
    expect(run?.output.summary).toContain('### Fixed by this pull request (4)');
    expect(run?.output.summary).toContain('was `roles/old/tasks/main.yml:5`');
  });

  it('compares a renamed file with its old self', async () => {
    const fixture = pullRequestOf(
      { 'roles/web/tasks/fetch.yml': DOWNLOAD },
      { [TASKS]: `${DOWNLOAD}${harmlessTasks(1)}` },
      { renames: { [TASKS]: 'roles/web/tasks/fetch.yml' } },
    );
    const target = targetFor(fixture);
    const api = mockGitHubApi({ fixture, target });

    await (await probotUnderTest()).receive(pullRequestEvent('opened', target));

    expect(
      fixture.files.map((file) => `${file.status} ${file.previous_filename} → ${file.filename}`),
    ).toEqual([`renamed roles/web/tasks/fetch.yml → ${TASKS}`]);
    expect(api.github.checkRuns.at(-1)?.output.title).toBe('No new findings, 3 existing');
  });
});

describe('comments across pushes', () => {
  it('never repeats a comment that is still open, and folds it as resolved once the finding is fixed', async () => {
    const first = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: `${INSTALL_TASK}${WORLD_WRITABLE}` },
    );
    const api = mockGitHubApi({ fixture: first, target: targetFor(first) });
    const probot = await probotUnderTest();
    await probot.receive(pullRequestEvent('opened', targetFor(first)));
    const [comment] = api.github.postureComments();
    expect(comment?.body).toMatch(/<!-- posture:fingerprint=[0-9a-f]{64}:1 -->$/);

    // The finding moves down: GitHub keeps the old comment; Posture posts no second one.
    const moved = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: `${INSTALL_TASK}${harmlessTasks(2)}${WORLD_WRITABLE}` },
    );
    api.github.push(moved);
    await probot.receive(pullRequestEvent('synchronize', targetFor(moved)));
    expect(api.github.postureComments()).toHaveLength(1);
    expect(api.reviews()).toHaveLength(1);
    expect(api.github.checkRuns.at(-1)?.output.summary).toContain(
      '1 finding keeps its comment from an earlier push.',
    );

    const fixed = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      {
        [TASKS]: `${INSTALL_TASK}${harmlessTasks(2)}${WORLD_WRITABLE.replace("'0777'", "'0750'")}`,
      },
    );
    api.github.push(fixed);
    await probot.receive(pullRequestEvent('synchronize', targetFor(fixed)));
    expect(api.github.postureComments()).toEqual([
      expect.objectContaining({
        nodeId: comment?.nodeId,
        isMinimized: true,
        minimizedReason: 'RESOLVED',
      }),
    ]);
    expect(api.github.checkRuns.at(-1)?.output.summary).toContain(
      'Posture folded 1 earlier comment whose finding is fixed or accepted.',
    );
  });

  it('leaves alone a comment someone replied to, and comments it did not write', async () => {
    const first = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      {
        [TASKS]: `${INSTALL_TASK}${WORLD_WRITABLE}${WORLD_WRITABLE.replace('/srv/uploads', '/srv/cache')}`,
      },
    );
    const api = mockGitHubApi({ fixture: first, target: targetFor(first) });
    const probot = await probotUnderTest();
    await probot.receive(pullRequestEvent('opened', targetFor(first)));
    const [answered, quiet] = api.github.postureComments();
    api.github.reply(
      answered?.nodeId ?? '',
      { login: 'casey-dev', type: 'User' },
      'Needed by the upload service, see #12.',
    );
    // A person quoting the marker does not make their comment Posture's.
    api.github.threads.push({
      comments: [
        {
          nodeId: 'PRRC_human',
          author: { login: 'dana', type: 'User' },
          body: quiet?.body ?? '',
          path: TASKS,
          commitId: first.headSha,
          isMinimized: false,
        },
      ],
    });

    const fixed = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: `${INSTALL_TASK}${harmlessTasks(1)}` },
    );
    api.github.push(fixed);
    await probot.receive(pullRequestEvent('synchronize', targetFor(fixed)));

    const minimized = api.github.threads
      .flatMap((thread) => thread.comments)
      .filter((comment) => comment.isMinimized)
      .map((comment) => comment.nodeId);
    expect(minimized).toEqual([quiet?.nodeId]);
  });

  it('comments on the file for a new finding outside the diff when the policy asks', async () => {
    const fixture = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: `${INSTALL_TASK}${WORLD_WRITABLE}` },
      { omitPatchFor: [TASKS] },
    );
    const api = mockGitHubApi({
      fixture,
      target: targetFor(fixture),
      policy: { base: 'comments:\n  outside_diff: true\n' },
    });

    await (await probotUnderTest()).receive(pullRequestEvent('opened', targetFor(fixture)));

    const fileComments = api.calls.filter((call) => call.path.endsWith('/pulls/7/comments'));
    expect(fileComments.map((call) => [call.body.subject_type, call.body.path])).toEqual([
      ['file', TASKS],
    ]);
    expect(String(fileComments[0]?.body.body)).toContain(
      `line ${lineOf(`${INSTALL_TASK}${WORLD_WRITABLE}`, 'mode:')}, outside the diff`,
    );
    expect(api.reviews()).toEqual([]);
  });
});
