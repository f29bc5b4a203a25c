/**
 * A changed file that is a symbolic link: its blob is the path it points to, which Posture would
 * read as the file's text, while Ansible reads the file there. Posture does not follow links; a
 * link where it analyses files is reported as unanalysable, whether the change is compared (the
 * content query reads the modes of the link's folder) or read from the trees (which list modes).
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StandinCheckRun } from '../support/github-model/types.js';
import { mockGitHubApi, type MockedGitHub } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import { INSTALL_TASK, pullRequestOf, SELINUX_OFF, targetFor, TASKS } from './pull-requests.js';
import { serveAs } from './served-as.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

/** Where the link points, relative to its folder, as git stores it. */
const TARGET = '../../../docs/selinux.txt';

const DOCUMENTATION = Object.fromEntries(
  Array.from({ length: 320 }, (_, index) => [
    `docs/page-${String(index).padStart(4, '0')}.md`,
    `Page ${index}\n`,
  ]),
);

async function reviewLink(
  extra: Record<string, string> = {},
): Promise<{ github: MockedGitHub; run: StandinCheckRun }> {
  const fixture = pullRequestOf(
    { [TASKS]: INSTALL_TASK },
    { [TASKS]: TARGET, 'docs/selinux.txt': SELINUX_OFF, ...extra },
  );
  const target = targetFor(fixture);
  const github = mockGitHubApi({ fixture, target });
  serveAs(github, fixture, { links: [TASKS] });
  await (await probotUnderTest()).receive(pullRequestEvent('opened', target));
  const run = github.github.checkRuns.at(-1);
  if (!run) throw new Error('no check run');
  return { github, run };
}

describe('a task file turned into a symbolic link', () => {
  it('fails the run, naming where the link points', async () => {
    const { github, run } = await reviewLink();

    // The link's folder is read in the content query the review makes anyway.
    expect(github.calls.some((call) => call.path.includes('/git/trees/'))).toBe(false);
    expect(github.graphqlOperations().filter((name) => name === 'PostureBlobs')).toHaveLength(1);
    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toContain(TASKS);
    expect(run.annotations).toEqual([
      expect.objectContaining({
        path: TASKS,
        title: 'Posture could not analyse this file',
        message: expect.stringContaining(
          `a symbolic link to ${TARGET}: Posture does not follow links`,
        ) as unknown,
      }),
    ]);
  });

  it('fails the same way when the change is read from the two commits’ trees', async () => {
    const { run } = await reviewLink(DOCUMENTATION);

    expect(run.conclusion).toBe('failure');
    expect(run.annotations.map((annotation) => annotation.path)).toEqual([TASKS]);
    expect(run.annotations[0]?.message).toContain('a symbolic link');
  });
});

/**
 * A role's `tasks` folder replaced by a link to another role's `files/`, where YAML is copied to
 * hosts as it is and so never read as tasks: Ansible now runs it as the role's tasks.
 */
const FOLDER_LINK = 'roles/web/tasks';
const FOLDER_TARGET = '../x/files';

async function reviewFolderLink(
  headFiles: Record<string, string>,
  links: readonly string[],
): Promise<StandinCheckRun> {
  const fixture = pullRequestOf({ [TASKS]: INSTALL_TASK }, headFiles);
  const target = targetFor(fixture);
  const github = mockGitHubApi({ fixture, target });
  serveAs(github, fixture, { links });
  await (await probotUnderTest()).receive(pullRequestEvent('opened', target));
  const run = github.github.checkRuns.at(-1);
  if (!run) throw new Error('no check run');
  return run;
}

describe('a folder Posture reads turned into a symbolic link', () => {
  const headFiles = { [FOLDER_LINK]: FOLDER_TARGET, 'roles/x/files/main.yml': SELINUX_OFF };

  it('fails the run, naming the link and where it points', async () => {
    const run = await reviewFolderLink(headFiles, [FOLDER_LINK]);

    expect(run.conclusion).toBe('failure');
    expect(run.annotations).toEqual([
      expect.objectContaining({
        path: FOLDER_LINK,
        message: expect.stringContaining(`a symbolic link to ${FOLDER_TARGET}`) as unknown,
      }),
    ]);
  });

  it('fails the same way when the change is read from the two commits’ trees', async () => {
    const run = await reviewFolderLink({ ...headFiles, ...DOCUMENTATION }, [FOLDER_LINK]);

    expect(run.conclusion).toBe('failure');
    expect(run.annotations.map((annotation) => annotation.path)).toEqual([FOLDER_LINK]);
  });

  it('leaves a one-line file that is no link alone', async () => {
    const run = await reviewFolderLink({ [TASKS]: INSTALL_TASK, VERSION: '1.4.2' }, []);

    expect(run.conclusion).toBe('success');
  });

  it('leaves a link to an image alone', async () => {
    const run = await reviewFolderLink(
      { [TASKS]: INSTALL_TASK, 'docs/logo.png': '../assets/logo.png' },
      ['docs/logo.png'],
    );

    expect(run.conclusion).toBe('success');
  });
});
