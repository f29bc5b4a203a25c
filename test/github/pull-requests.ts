/** Small pull requests for the GitHub integration tests, as base and head trees. */
import {
  buildPullRequest,
  type FixtureOptions,
  type PullRequestFile,
  type PullRequestFixture,
  type Tree,
} from '../support/pull-request-fixture.js';
import type { StandinCheckRun } from '../support/github-model/types.js';
import type { PayloadTarget } from '../support/webhook-payloads.js';

export const TASKS = 'roles/web/tasks/main.yml';

export function targetFor(
  fixture: PullRequestFixture,
  changedFiles = fixture.files.length,
): PayloadTarget {
  return {
    owner: 'acme',
    repo: 'infra',
    repositoryId: 1296269,
    installationId: 2,
    pullNumber: 7,
    headSha: fixture.headSha,
    baseSha: fixture.baseSha,
    changedFiles,
  };
}

export function pullRequestOf(
  base: Record<string, string>,
  head: Record<string, string>,
  options: FixtureOptions = {},
): PullRequestFixture {
  return buildPullRequest(toTree(base), toTree(head), options);
}

function toTree(files: Record<string, string>): Tree {
  return new Map(Object.entries(files));
}

export const INSTALL_TASK = `---
- name: Install nginx
  ansible.builtin.apt:
    name: nginx
    state: present
`;

/** A task file gaining a download over plain HTTP with TLS verification off (high). */
export const INSECURE_DOWNLOAD = {
  base: { [TASKS]: INSTALL_TASK },
  head: {
    [TASKS]: `${INSTALL_TASK}
- name: Fetch the agent
  get_url: url=http://example.com/x dest=/tmp/x validate_certs=no
`,
  },
};

/** `count` world-writable directories in a new file: one high finding on each `mode:` line. */
export function worldWritableTasks(count: number): string {
  const tasks = Array.from(
    { length: count },
    (_, index) =>
      `- name: Directory ${index}\n  file:\n    path: /srv/dir-${index}\n    state: directory\n    mode: '0777'\n`,
  );
  return `---\n${tasks.join('')}`;
}

/** `count` changed files that Posture does not read (Markdown), for pagination tests. */
export function documentationFiles(count: number): PullRequestFile[] {
  return Array.from({ length: count }, (_, index) => {
    const sha = index.toString(16).padStart(40, 'd');
    return {
      sha,
      filename: `docs/page-${String(index).padStart(4, '0')}.md`,
      status: 'modified' as const,
      additions: 1,
      deletions: 1,
      changes: 2,
      patch: '@@ -1 +1 @@\n-old\n+new',
      blob_url: '',
      raw_url: '',
      contents_url: '',
    };
  });
}

/** 1-based number of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`no line contains ${needle}`);
  return index + 1;
}

/** A task list that turns SELinux off (a high `security-control-disabled` finding). */
export const SELINUX_OFF = `${INSTALL_TASK}
- name: Turn SELinux off for the legacy agent
  ansible.posix.selinux:
    state: disabled
`;

/** `count` tasks that do nothing security-relevant, to move other tasks down the file. */
export function harmlessTasks(count: number): string {
  return Array.from(
    { length: count },
    (_, index) => `- name: Say hello ${index}\n  ansible.builtin.debug:\n    msg: hello ${index}\n`,
  ).join('');
}

/** A policy that asks team `security` to review a pull request adding a `security-control-disabled` finding. */
export const SECURITY_ROUTING =
  'review:\n  teams: [security]\n  when:\n    categories: [security-control-disabled]\n';
/** Team `security` of the fake org, with its one member. */
export const SECURITY_TEAM = { security: ['sam-sec'] };

/** The last of a list of check runs, which a test expects to exist. */
export function lastRun(runs: readonly StandinCheckRun[]): StandinCheckRun {
  const run = runs.at(-1);
  if (!run) throw new Error('no check run');
  return run;
}
