/**
 * A renamed file is judged where it now lives: a rename that changes nothing is read all the
 * same, and a file moved to where it plays another part (out of a test folder into a role) has
 * no base version to match its findings against, so they count as new, as if it were added.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StandinCheckRun } from '../support/github-model/types.js';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import {
  harmlessTasks,
  INSTALL_TASK,
  pullRequestOf,
  SELINUX_OFF,
  targetFor,
  TASKS,
} from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const CONVERGE = 'molecule/default/converge.yml';
const SELINUX_TASKS = 'roles/web/tasks/selinux.yml';

async function reviewRename(
  from: string,
  to: string,
  content: { before: string; after: string },
  policy: Record<string, string> = {},
): Promise<StandinCheckRun> {
  const fixture = pullRequestOf(
    { ...policy, [TASKS]: INSTALL_TASK, [from]: content.before },
    { ...policy, [TASKS]: INSTALL_TASK, [to]: content.after },
    {
      renames: { [to]: from },
      // GitHub lists a rename that changes nothing without a patch.
      ...(content.before === content.after ? { omitPatchFor: [to] } : {}),
    },
  );
  const target = targetFor(fixture);
  const github = mockGitHubApi({ fixture, target });
  await (await probotUnderTest()).receive(pullRequestEvent('opened', target));
  const run = github.github.checkRuns.at(-1);
  if (!run) throw new Error('no check run');
  return run;
}

describe('a renamed file', () => {
  it('moved unchanged from a Molecule scenario into a role fails like the same file added', async () => {
    const run = await reviewRename(CONVERGE, SELINUX_TASKS, {
      before: SELINUX_OFF,
      after: SELINUX_OFF,
    });

    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toContain('1 high');
    expect(run.annotations.map((annotation) => annotation.path)).toContain(SELINUX_TASKS);
  });

  it('moved from test code with an edit counts every finding in it as new', async () => {
    const run = await reviewRename(CONVERGE, SELINUX_TASKS, {
      before: SELINUX_OFF,
      after: `${SELINUX_OFF}${harmlessTasks(1)}`,
    });

    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toContain('1 high');
  });

  it('moved unchanged from one role to another keeps its findings existing', async () => {
    const run = await reviewRename(SELINUX_TASKS, 'roles/app/tasks/selinux.yml', {
      before: SELINUX_OFF,
      after: SELINUX_OFF,
    });

    expect(run.conclusion).toBe('success');
    expect(run.output.title).toBe('No new findings, 1 existing');
  });

  it('moved unchanged out of a path the policy excludes fails like the same file added', async () => {
    const run = await reviewRename(
      'vendor/roles/web/tasks/selinux.yml',
      SELINUX_TASKS,
      { before: SELINUX_OFF, after: SELINUX_OFF },
      { '.security.yml': 'paths:\n  exclude: ["vendor/**"]\n' },
    );

    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toContain('1 high');
  });

  it('moved the same way under a policy that reads both paths alike keeps its finding existing', async () => {
    const run = await reviewRename('vendor/roles/web/tasks/selinux.yml', SELINUX_TASKS, {
      before: SELINUX_OFF,
      after: SELINUX_OFF,
    });

    expect(run.conclusion).toBe('success');
  });

  it('moved out of a rule’s exclude globs counts that rule’s findings as new', async () => {
    const legacy = 'roles/legacy/tasks/selinux.yml';
    const policy = {
      '.security.yml': 'rules:\n  security-control-disabled:\n    exclude: ["roles/legacy/**"]\n',
    };

    const run = await reviewRename(
      legacy,
      SELINUX_TASKS,
      { before: SELINUX_OFF, after: SELINUX_OFF },
      policy,
    );
    expect(run.conclusion).toBe('failure');
  });
});
