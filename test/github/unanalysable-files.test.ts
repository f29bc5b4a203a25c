/**
 * The three ways to make a file unanalysable, through the whole App: each one fails the check
 * run and names the file, where it used to end green.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UNANALYSABLE_TRICKS } from '../engine/unanalysable-tricks.js';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import { INSTALL_TASK, pullRequestOf, targetFor, TASKS } from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('a pull request whose configuration file Posture cannot analyse', () => {
  it.each(UNANALYSABLE_TRICKS.map((trick) => [trick.name, trick] as const))(
    'fails: %s',
    async (_, trick) => {
      const fixture = pullRequestOf(
        { [TASKS]: INSTALL_TASK },
        { [TASKS]: INSTALL_TASK, [trick.file.path]: trick.file.content },
      );
      const target = targetFor(fixture);
      const github = mockGitHubApi({ fixture, target });

      await (await probotUnderTest()).receive(pullRequestEvent('opened', target));

      const run = github.github.checkRuns.at(-1);
      expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
      expect(run?.output.title).toContain(trick.file.path);
      expect(run?.output.summary).toContain(trick.file.path);
    },
  );

  it('passes as neutral, never success, when the base policy says on_unanalysable: warn', async () => {
    const [trick] = UNANALYSABLE_TRICKS;
    if (!trick) throw new Error('no trick');
    const fixture = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: INSTALL_TASK, [trick.file.path]: trick.file.content },
    );
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target, policy: { base: 'on_unanalysable: warn\n' } });

    await (await probotUnderTest()).receive(pullRequestEvent('opened', target));

    expect(github.github.checkRuns.at(-1)).toMatchObject({
      status: 'completed',
      conclusion: 'neutral',
    });
  });
});
