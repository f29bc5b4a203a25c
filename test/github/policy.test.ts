import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probotUnderTest } from '../support/probot-under-test.js';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import { pullRequestOf, targetFor } from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const VARS = 'group_vars/all.yml';
const SECRET = 'db_host: db.internal\ndb_password: hunter2hunter2\n';

interface Completion {
  conclusion: string;
  output: {
    title: string;
    summary: string;
    annotations: Array<{ title: string; path: string; start_line: number }>;
  };
}

async function review(
  base: Record<string, string>,
  head: Record<string, string>,
  policy: { org?: string; base?: string } = {},
) {
  const fixture = pullRequestOf(base, head);
  const target = targetFor(fixture);
  const github = mockGitHubApi({ fixture, target, policy });
  const probot = await probotUnderTest();
  await probot.receive(pullRequestEvent('opened', target));
  return { github, completion: github.checkRunUpdates().at(-1)?.body as unknown as Completion };
}

describe('policy in the app', () => {
  it('judges a pull request that turns a rule off by the base policy, and reports the policy change', async () => {
    const { completion } = await review(
      { [VARS]: 'db_host: db.internal\n' },
      { [VARS]: SECRET, '.security.yml': 'rules:\n  hard-coded-secret: off\n' },
    );
    expect(completion.conclusion).toBe('failure');
    const titles = completion.output.annotations.map(
      (annotation) => `${annotation.path}:${annotation.title}`,
    );
    expect(titles).toContain('group_vars/all.yml:hard-coded-secret: Hard-coded secret');
    expect(titles).toContain('.security.yml:policy-change: Security policy changed');
    expect(completion.output.summary).toContain(
      'It loosens the policy: turns hard-coded-secret off',
    );
  });

  it('reads the repository policy at the base commit and the org policy from the .github repository', async () => {
    const { github, completion } = await review(
      { [VARS]: 'x: 1\n' },
      { [VARS]: SECRET },
      { org: 'fail_on: critical\n' },
    );
    expect(completion.conclusion).toBe('success');
    expect(completion.output.summary).toContain(
      'Policy: `acme/.github:.security.yml` over Posture’s defaults; fail threshold critical',
    );
    // Both are read in the query that reads the changed files: the org's at the .github
    // repository's default branch, the repository's at the base commit.
    const query = String(github.calls.find((call) => call.path === '/graphql')?.body.query);
    expect(query).toMatch(
      /repository\(owner: "acme", name: "\.github"\) \{\s*o\d+: object\(expression: "HEAD:\.security\.yml"\)/,
    );
    expect(query).toContain(`object(expression: "${github.github.fixture.baseSha}:.security.yml")`);
    expect(github.calls.filter((call) => call.path.includes('/contents/'))).toEqual([]);
  });

  it('says in the check when it cannot see the org’s .github repository, so the org policy did not apply', async () => {
    const { completion } = await review({ [VARS]: 'x: 1\n' }, { [VARS]: 'x: 2\n' });
    expect(completion.output.summary).toContain(
      '**The org policy was not read.** Posture cannot see `acme/.github`',
    );
  });

  it('says nothing of the kind when it reads the org policy', async () => {
    const { completion } = await review(
      { [VARS]: 'x: 1\n' },
      { [VARS]: 'x: 2\n' },
      { org: 'fail_on: high\n' },
    );
    expect(completion.output.summary).not.toContain('The org policy was not read');
  });

  it('fails with located messages when the repository policy is invalid, rather than falling back quietly', async () => {
    const { completion } = await review(
      { [VARS]: 'x: 1\n' },
      { [VARS]: 'x: 2\n' },
      { base: 'fail_on: hihg\n' },
    );
    expect(completion.conclusion).toBe('failure');
    expect(completion.output.title).toBe('Invalid security policy: No findings');
    expect(completion.output.summary).toContain(
      '.security.yml:1: fail_on: expected one of critical, high, medium, low, none',
    );
  });

  it('rejects a repository policy that turns off a locked org rule, and the rule still applies', async () => {
    const { completion } = await review(
      { [VARS]: 'x: 1\n' },
      { [VARS]: SECRET },
      {
        org: 'locked:\n  rules: [hard-coded-secret]\n',
        base: 'rules:\n  hard-coded-secret: off\n',
      },
    );
    expect(completion.conclusion).toBe('failure');
    expect(completion.output.summary).toContain(
      'hard-coded-secret is locked by the org policy; a repository cannot turn it off',
    );
    expect(completion.output.annotations.map((annotation) => annotation.title)).toContain(
      'hard-coded-secret: Hard-coded secret',
    );
  });

  it('lists waived findings as accepted and does not fail on them', async () => {
    const waiver =
      'waivers:\n  - rule: hard-coded-secret\n    path: group_vars/*.yml\n    reason: disposable CI database\n    expires: 2999-12-31\n    approved_by: alice\n';
    const { github, completion } = await review(
      { [VARS]: 'x: 1\n' },
      { [VARS]: SECRET },
      { base: waiver },
    );
    expect(completion.conclusion).toBe('success');
    expect(completion.output.title).toBe('No findings, 1 accepted');
    expect(completion.output.summary).toContain(
      'waived by alice until 2999-12-31: disposable CI database',
    );
    expect(github.reviews()).toEqual([]);
  });
});
