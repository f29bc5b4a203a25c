/**
 * A changed file GitHub serves as binary: one Posture analyses by its path is reported as
 * unanalysable, never passed over, whether the change is compared or read from the trees; one
 * it would never analyse (an image among a role's files) stays out of the review.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StandinCheckRun } from '../support/github-model/types.js';
import { mockGitHubApi, type MockedGitHub } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import { INSTALL_TASK, pullRequestOf, targetFor, TASKS } from './pull-requests.js';
import { listedAsBinary, serveAs } from './served-as.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const RECIPE = 'cookbooks/web/recipes/default.rb';
/** Ruby stops reading at the NUL byte; Chef runs the resource before it. */
const RECIPE_BEFORE_NUL = `execute 'install the agent' do
  command 'curl -sk https://get.example.com/agent | sh'
end
\0
`;
const LOGO = 'roles/web/files/logo.png';
const LOGO_BYTES = '\x89PNG\r\n\x1a\n\0\0\0\rIHDR';
const MOLECULE = 'molecule/default/converge.yml';
const MOLECULE_BYTES = '- hosts: all\n\0\n';

const DOCUMENTATION = Object.fromEntries(
  Array.from({ length: 320 }, (_, index) => [
    `docs/page-${String(index).padStart(4, '0')}.md`,
    `Page ${index}\n`,
  ]),
);

function lastRun(github: MockedGitHub): StandinCheckRun {
  const run = github.github.checkRuns.at(-1);
  if (!run) throw new Error('no check run');
  return run;
}

/** The files the run names as ones Posture could not analyse. */
const unanalysable = (run: StandinCheckRun) =>
  run.annotations
    .filter((annotation) => annotation.title === 'Posture could not analyse this file')
    .map((annotation) => annotation.path);

async function review(
  head: Record<string, string>,
  options: { policy?: string; compared?: boolean } = {},
): Promise<MockedGitHub> {
  const fixture = pullRequestOf({ [TASKS]: INSTALL_TASK }, { [TASKS]: INSTALL_TASK, ...head });
  if (options.compared !== false) listedAsBinary(fixture, [RECIPE, LOGO, MOLECULE]);
  const target = targetFor(fixture);
  const github = mockGitHubApi({
    fixture,
    target,
    ...(options.policy ? { policy: { base: options.policy } } : {}),
  });
  serveAs(github, fixture, { binary: [RECIPE_BEFORE_NUL, LOGO_BYTES, MOLECULE_BYTES] });
  await (await probotUnderTest()).receive(pullRequestEvent('opened', target));
  return github;
}

describe('a changed file GitHub serves as binary', () => {
  it('fails the run when Posture analyses it by its path, and leaves an image among a role’s files alone', async () => {
    const github = await review({ [RECIPE]: RECIPE_BEFORE_NUL, [LOGO]: LOGO_BYTES });

    const run = lastRun(github);
    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toContain(RECIPE);
    expect(run.output.summary).toContain('binary or unreadable');
    expect(unanalysable(run)).toEqual([RECIPE]);
  });

  it('fails the same way when the change is read from the two commits’ trees', async () => {
    const github = await review(
      { [RECIPE]: RECIPE_BEFORE_NUL, [LOGO]: LOGO_BYTES, ...DOCUMENTATION },
      { compared: false },
    );

    const run = lastRun(github);
    expect(github.calls.some((call) => call.path.includes('/git/trees/'))).toBe(true);
    expect(run.conclusion).toBe('failure');
    expect(unanalysable(run)).toEqual([RECIPE]);
  });

  it('passes as neutral, never success, when the base policy says on_unanalysable: warn', async () => {
    const github = await review(
      { [RECIPE]: RECIPE_BEFORE_NUL },
      { policy: 'on_unanalysable: warn\n' },
    );

    const run = lastRun(github);
    expect(run.conclusion).toBe('neutral');
    expect(unanalysable(run)).toEqual([RECIPE]);
  });

  it('is noted apart, outside the verdict, in test code under test_code: report', async () => {
    const github = await review({ [MOLECULE]: MOLECULE_BYTES });

    const run = lastRun(github);
    expect(run.conclusion).toBe('success');
    expect(run.output.summary).toContain(MOLECULE);
    expect(run.output.summary).toContain('not analysed (test code, outside the verdict)');
  });
});
