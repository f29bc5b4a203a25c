import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPolicy } from '../../src/policy/build-policy.js';
import { parsePolicy } from '../../src/policy/parse-policy.js';
import { formatPolicyError } from '../../src/policy/types.js';

const ORG = { source: 'acme/.github:.security.yml' };
const REPO = { source: '.security.yml' };

function build(org: string | undefined, repo: string | undefined) {
  const built = buildPolicy({
    ...(org ? { org: { ...ORG, text: org } } : {}),
    ...(repo ? { repo: { ...REPO, text: repo } } : {}),
  });
  return { policy: built.policy, errors: built.errors.map(formatPolicyError) };
}

const ROUTING = `review:
  teams: [security]
  users: [alice]
  when:
    risk: high
    categories: [security-control-disabled, policy-change]
    paths: ["roles/firewall/**"]
    surfaces: [sudo, ssh]
    policy_change: true
`;

describe('the review, comments and fail_on_existing keys', () => {
  it('are read into the effective policy, with defaults when absent', () => {
    expect(build(undefined, undefined).policy).toMatchObject({
      failOnExisting: false,
      comments: { contextLines: false, outsideDiff: false },
      review: {
        teams: [],
        users: [],
        when: { categories: [], paths: [], surfaces: [], policyChange: false },
      },
    });
    const { policy, errors } = build(
      undefined,
      `${ROUTING}fail_on_existing: true\ncomments:\n  context_lines: true\n  outside_diff: true\n`,
    );
    expect(errors).toEqual([]);
    expect(policy.failOnExisting).toBe(true);
    expect(policy.comments).toEqual({ contextLines: true, outsideDiff: true });
    expect(policy.review).toEqual({
      teams: ['security'],
      users: ['alice'],
      when: {
        risk: 'high',
        categories: ['security-control-disabled', 'policy-change'],
        paths: ['roles/firewall/**'],
        surfaces: ['sudo', 'ssh'],
        policyChange: true,
      },
      source: '.security.yml',
    });
  });

  it.each([
    [
      'a team that is not a slug',
      'review:\n  teams: ["security team"]\n',
      '.security.yml:2: review.teams[0]: expected a team slug, or org/slug',
    ],
    [
      'a login that is not a login',
      'review:\n  users: ["-alice"]\n',
      '.security.yml:2: review.users[0]: expected a GitHub login',
    ],
    [
      'an unknown risk level',
      'review:\n  users: [alice]\n  when:\n    risk: severe\n',
      '.security.yml:4: review.when.risk: expected one of low, medium, high',
    ],
    [
      'an unknown surface',
      'review:\n  users: [alice]\n  when:\n    surfaces: [sshd]\n',
      '.security.yml:4: review.when.surfaces[0]: expected one of users-and-privileges, ssh, sudo, firewall-and-network, tls-and-crypto, package-sources, secrets, file-permissions, services, containers, security-controls',
    ],
    [
      'an unknown key under comments',
      'comments:\n  context_line: true\n',
      '.security.yml:2: comments.context_line: unknown key (did you mean "context_lines"?)',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(parsePolicy(text, '.security.yml').errors.map(formatPolicyError)).toEqual([message]);
  });

  it('rejects routing that names no reviewer', () => {
    expect(build(undefined, 'review:\n  when:\n    risk: high\n').errors).toEqual([
      '.security.yml:2: review.when: routes pull requests to security reviewers but none are named; add review.teams or review.users',
    ]);
  });

  it('lets a repository name its reviewers and conditions when the org did not lock review', () => {
    const { policy, errors } = build(
      ROUTING,
      'review:\n  teams: [platform-security]\n  when:\n    paths: ["infra/**"]\n',
    );
    expect(errors).toEqual([]);
    expect(policy.review.teams).toEqual(['platform-security']);
    expect(policy.review.when.paths).toEqual(['infra/**']);
    expect(policy.review.when.risk).toBe('high');
  });
});

describe('an org that locks review and fail_on_existing', () => {
  const org = `${ROUTING}fail_on_existing: true\nlocked:\n  settings: [review, fail_on_existing]\n`;

  it('keeps its reviewers when a repository tries to replace them', () => {
    const { policy, errors } = build(org, 'review:\n  teams: [my-team]\n  users: [alice]\n');
    expect(errors).toEqual([
      '.security.yml:2: review.teams: the org policy locks review; a repository cannot change who the security reviewers are',
    ]);
    expect(policy.review.teams).toEqual(['security']);
    expect(policy.review.users).toEqual(['alice']);
  });

  it('lets a repository add conditions and lower the risk level, never raise it or drop policy changes', () => {
    const added = build(
      org,
      'review:\n  when:\n    risk: medium\n    paths: ["infra/**"]\n    surfaces: [secrets]\n',
    );
    expect(added.errors).toEqual([]);
    expect(added.policy.review.when).toMatchObject({
      risk: 'medium',
      paths: ['roles/firewall/**', 'infra/**'],
      surfaces: ['sudo', 'ssh', 'secrets'],
    });

    const loosened = build(
      org,
      'review:\n  when:\n    risk: high\n    policy_change: false\n    categories: []\n',
    );
    expect(loosened.errors).toEqual([
      '.security.yml:4: review.when.policy_change: the org policy locks review; a repository cannot stop routing policy changes',
    ]);
    expect(loosened.policy.review.when).toMatchObject({
      risk: 'high',
      policyChange: true,
      categories: ['security-control-disabled', 'policy-change'],
    });
    expect(build(org, 'review:\n  when:\n    risk: low\n').policy.review.when.risk).toBe('low');
    expect(
      build(
        `${ROUTING.replace('risk: high', 'risk: medium')}locked:\n  settings: [review]\n`,
        'review:\n  when:\n    risk: high\n',
      ).errors,
    ).toEqual([
      '.security.yml:3: review.when.risk: the org policy locks review at risk medium; a repository can only lower it',
    ]);
  });

  it('does not let a repository stop existing findings from counting', () => {
    const { policy, errors } = build(org, 'fail_on_existing: false\n');
    expect(errors).toEqual([
      '.security.yml:1: fail_on_existing: the org policy locks fail_on_existing at true; a repository cannot turn it off',
    ]);
    expect(policy.failOnExisting).toBe(true);
  });
});

describe('the README', () => {
  it('shows a review routing example that is a valid policy', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split('### Review routing and comments')[1] ?? '';
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toContain('review:');
    expect(build(undefined, example).errors).toEqual([]);
  });
});
