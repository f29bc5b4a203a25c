import { describe, expect, it } from 'vitest';
import { buildPolicy } from '../../src/policy/build-policy.js';
import { describePolicyChange } from '../../src/policy/policy-change.js';
import { activeRules } from '../../src/policy/resolve-rules.js';
import { formatPolicyError } from '../../src/policy/types.js';
import { hardCodedSecret } from '../../src/rules/hard-coded-secret/rule.js';
import { RULES } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/rule.js';

const ORG = { source: 'acme/.github:.security.yml' };
const REPO = { source: '.security.yml' };

function build(org: string | undefined, repo: string | undefined) {
  const built = buildPolicy({
    ...(org ? { org: { ...ORG, text: org } } : {}),
    ...(repo ? { repo: { ...REPO, text: repo } } : {}),
  });
  return { policy: built.policy, errors: built.errors.map(formatPolicyError) };
}

function runsOnPuppet(policyText: string | undefined, ruleId: string): boolean {
  const { policy } = build(undefined, policyText);
  return activeRules(policy, RULES, 'manifests/init.pp', 'puppet').some(
    (active) => active.rule.meta.id === ruleId,
  );
}

describe('profile', () => {
  it('is security by default, and glitch when a policy says so', () => {
    expect(build(undefined, undefined).policy.profile).toBe('security');
    expect(build(undefined, 'profile: glitch\n').policy.profile).toBe('glitch');
    expect(build('profile: glitch\n', 'profile: security\n').policy.profile).toBe('security');
  });

  it('rejects other values with the ones it takes', () => {
    expect(build(undefined, 'profile: strict\n').errors).toEqual([
      '.security.yml:1: profile: expected security or glitch',
    ]);
  });

  it('decides which rules run unless a policy names them', () => {
    expect(runsOnPuppet(undefined, 'missing-default-case')).toBe(false);
    expect(runsOnPuppet('profile: glitch\n', 'missing-default-case')).toBe(true);
    expect(runsOnPuppet('rules:\n  missing-default-case: on\n', 'missing-default-case')).toBe(true);
    expect(runsOnPuppet('rules:\n  missing-default-case: low\n', 'missing-default-case')).toBe(
      true,
    );
    expect(
      runsOnPuppet(
        'profile: glitch\nrules:\n  missing-default-case: off\n',
        'missing-default-case',
      ),
    ).toBe(false);
    expect(runsOnPuppet(undefined, 'hard-coded-secret')).toBe(true);
  });

  it('never runs an opt-in rule unless a policy turns it on by id or category', () => {
    const optIn: Rule = {
      meta: { ...hardCodedSecret.meta, optIn: true },
      check: () => undefined,
    };
    const runs = (policyText: string | undefined) =>
      activeRules(build(undefined, policyText).policy, [optIn], 'manifests/init.pp', 'puppet')
        .length > 0;
    expect(runs(undefined)).toBe(false);
    expect(runs('profile: glitch\n')).toBe(false);
    expect(runs('rules:\n  hard-coded-secret: on\n')).toBe(true);
    expect(runs('rules:\n  hard-coded-secret: medium\n')).toBe(true);
    expect(runs('categories:\n  hard-coded-secret: on\n')).toBe(true);
  });

  it('is pinned by an org lock: a repository can choose neither profile over the org', () => {
    const toGlitch = build('locked:\n  settings: [profile]\n', 'profile: glitch\n');
    expect(toGlitch.errors).toEqual([
      '.security.yml:1: profile: the org policy locks profile at security; a repository cannot choose another',
    ]);
    expect(toGlitch.policy.profile).toBe('security');
    const toSecurity = build(
      'profile: glitch\nlocked:\n  settings: [profile]\n',
      'profile: security\n',
    );
    expect(toSecurity.errors).toEqual([
      '.security.yml:1: profile: the org policy locks profile at glitch; a repository cannot choose another',
    ]);
    expect(toSecurity.policy.profile).toBe('glitch');
    expect(build('locked:\n  settings: [profile]\n', 'profile: security\n').errors).toEqual([]);
  });

  it('counts leaving glitch as loosening in a policy change, and the rules it turns off with it', () => {
    const change = describePolicyChange(
      undefined,
      { source: '.security.yml', text: 'profile: glitch\n' },
      { source: '.security.yml (this pull request)', text: '' },
    );
    expect(change.loosened).toEqual(
      expect.arrayContaining(['profile: glitch → security', 'turns missing-default-case off']),
    );
    const back = describePolicyChange(
      undefined,
      { source: '.security.yml', text: '' },
      { source: '.security.yml (this pull request)', text: 'profile: glitch\n' },
    );
    expect(back.loosened).toEqual([]);
  });
});

describe('test_code', () => {
  it('is report by default', () => {
    expect(build(undefined, undefined).policy.testCode).toBe('report');
    expect(build(undefined, 'test_code: production\n').policy.testCode).toBe('production');
  });

  it('rejects other values with the ones it takes', () => {
    expect(build(undefined, 'test_code: skip\n').errors).toEqual([
      '.security.yml:1: test_code: expected report, ignore or production',
    ]);
  });

  it('can only be tightened under an org lock', () => {
    const org = 'test_code: report\nlocked:\n  settings: [test_code]\n';
    const loosened = build(org, 'test_code: ignore\n');
    expect(loosened.errors).toEqual([
      '.security.yml:1: test_code: the org policy locks test_code at report; a repository can only make it stricter',
    ]);
    expect(loosened.policy.testCode).toBe('report');
    const tightened = build(org, 'test_code: production\n');
    expect(tightened.errors).toEqual([]);
    expect(tightened.policy.testCode).toBe('production');
  });

  it.each([
    ['report', 'ignore', true],
    ['production', 'report', true],
    ['report', 'production', false],
  ])('counts test_code: %s → %s as loosening: %s', (before, after, loosens) => {
    const change = describePolicyChange(
      undefined,
      { source: '.security.yml', text: `test_code: ${before}\n` },
      { source: '.security.yml (this pull request)', text: `test_code: ${after}\n` },
    );
    const phrase = `test_code: ${before} → ${after}`;
    expect(change.loosened.includes(phrase)).toBe(loosens);
    expect([...change.loosened, ...change.other]).toContain(phrase);
  });
});
