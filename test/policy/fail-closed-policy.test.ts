import { describe, expect, it } from 'vitest';
import { buildPolicy } from '../../src/policy/build-policy.js';
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

describe('on_unanalysable and on_error', () => {
  it('fail closed by default', () => {
    expect(build(undefined, undefined).policy).toMatchObject({
      onUnanalysable: 'fail',
      onError: 'fail',
    });
  });

  it('can be relaxed by a policy when the org has not locked them', () => {
    const { policy, errors } = build(
      'on_unanalysable: fail\n',
      'on_unanalysable: warn\non_error: neutral\n',
    );
    expect(errors).toEqual([]);
    expect(policy).toMatchObject({ onUnanalysable: 'warn', onError: 'neutral' });
  });

  it.each([
    ['on_unanalysable: ignore\n', '.security.yml:1: on_unanalysable: expected fail or warn'],
    ['on_error: success\n', '.security.yml:1: on_error: expected fail or neutral'],
  ])('rejects %j with the values it takes', (text, message) => {
    expect(build(undefined, text).errors).toEqual([message]);
  });

  it('stay at fail when the org locks them, and the repository is told why', () => {
    const org = 'locked:\n  settings: [on_unanalysable, on_error]\n';
    const { policy, errors } = build(
      org,
      'fail_on: high\non_unanalysable: warn\non_error: neutral\n',
    );
    expect(errors).toEqual([
      '.security.yml:2: on_unanalysable: the org policy locks on_unanalysable at fail; a repository can only make it stricter',
      '.security.yml:3: on_error: the org policy locks on_error at fail; a repository can only make it stricter',
    ]);
    expect(policy).toMatchObject({ onUnanalysable: 'fail', onError: 'fail' });
  });

  it('let a repository tighten what the org locked loose', () => {
    const org =
      'on_unanalysable: warn\non_error: neutral\nlocked:\n  settings: [on_unanalysable, on_error]\n';
    const { policy, errors } = build(org, 'on_unanalysable: fail\non_error: fail\n');
    expect(errors).toEqual([]);
    expect(policy).toMatchObject({ onUnanalysable: 'fail', onError: 'fail' });
  });
});

describe('a locked rule', () => {
  it('takes no new exceptions from a repository, but may lose some', () => {
    const org =
      'rules:\n  http-without-tls:\n    options:\n      allowed_hosts: ["mirror.internal"]\nlocked:\n  rules: [http-without-tls]\n';
    const widened = build(
      org,
      'rules:\n  http-without-tls:\n    options:\n      allowed_hosts: ["mirror.internal", "*.example.com"]\n',
    );
    expect(widened.errors).toEqual([
      '.security.yml:2: rules.http-without-tls: http-without-tls is locked by the org policy; a repository cannot add exceptions to its allowed_hosts',
    ]);
    expect(widened.policy.rules['http-without-tls']?.options).toEqual({
      allowed_hosts: ['mirror.internal'],
    });
    const narrowed = build(
      org,
      'rules:\n  http-without-tls:\n    options:\n      allowed_hosts: []\n',
    );
    expect(narrowed.errors).toEqual([]);
    expect(narrowed.policy.rules['http-without-tls']?.options).toEqual({ allowed_hosts: [] });
  });
});
