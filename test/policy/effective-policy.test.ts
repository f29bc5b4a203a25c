import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { buildPolicy } from '../../src/policy/build-policy.js';
import { formatPolicyError } from '../../src/policy/types.js';

const ORG = { source: 'acme/.github:.security.yml' };
const REPO = { source: '.security.yml' };

const SECRET_VARS = {
  path: 'group_vars/all.yml',
  content: 'db_password: hunter2hunter2\napi_url: http://api.example.com\n',
};

async function findingsWith(
  org: string | undefined,
  repo: string | undefined,
  now = new Date('2026-11-27T12:00:00Z'),
) {
  const built = buildPolicy({
    ...(org ? { org: { ...ORG, text: org } } : {}),
    ...(repo ? { repo: { ...REPO, text: repo } } : {}),
  });
  const result = await analyze([SECRET_VARS], { policy: built.policy, now });
  return { ...result, policyErrors: built.errors.map(formatPolicyError), policy: built.policy };
}

describe('policy layering', () => {
  it('lets a repository turn off and re-grade rules the org did not lock', async () => {
    const { findings, policyErrors } = await findingsWith(
      undefined,
      'rules:\n  hard-coded-secret: off\n  http-without-tls: low\n',
    );
    expect(policyErrors).toEqual([]);
    expect(findings.map((finding) => `${finding.ruleId}:${finding.severity}`)).toEqual([
      'http-without-tls:low',
    ]);
  });

  it('rejects turning off a locked org rule, and the rule still applies', async () => {
    const { findings, policyErrors } = await findingsWith(
      'locked:\n  rules: [hard-coded-secret]\n',
      'fail_on: high\nrules:\n  hard-coded-secret: off\n',
    );
    expect(policyErrors).toEqual([
      '.security.yml:3: rules.hard-coded-secret: hard-coded-secret is locked by the org policy; a repository cannot turn it off',
    ]);
    expect(findings.map((finding) => finding.ruleId)).toContain('hard-coded-secret');
  });

  it('rejects lowering a locked category below the org severity, but allows raising it', async () => {
    const org = 'categories:\n  http-without-tls: high\nlocked:\n  rules: [http-without-tls]\n';
    const lowered = await findingsWith(org, 'categories:\n  http-without-tls: low\n');
    expect(lowered.policyErrors).toEqual([
      '.security.yml:2: categories.http-without-tls: http-without-tls is locked by the org policy at high; a repository cannot lower it to low',
    ]);
    expect(
      lowered.findings.find((finding) => finding.ruleId === 'http-without-tls')?.severity,
    ).toBe('high');
    const raised = await findingsWith(org, 'rules:\n  http-without-tls: critical\n');
    expect(raised.policyErrors).toEqual([]);
    expect(raised.findings.find((finding) => finding.ruleId === 'http-without-tls')?.severity).toBe(
      'critical',
    );
  });

  it('keeps locked rules on paths the repository excludes', async () => {
    const { findings } = await findingsWith(
      'locked:\n  rules: [hard-coded-secret]\n',
      'paths:\n  exclude: ["group_vars/**"]\n',
    );
    expect(findings.map((finding) => finding.ruleId)).toEqual(['hard-coded-secret']);
  });

  it('lets a repository make fail_on stricter but not looser when the org locks it', () => {
    const org = { ...ORG, text: 'fail_on: medium\nlocked:\n  settings: [fail_on]\n' };
    expect(buildPolicy({ org, repo: { ...REPO, text: 'fail_on: low\n' } }).policy.failOn).toBe(
      'low',
    );
    const looser = buildPolicy({ org, repo: { ...REPO, text: 'fail_on: critical\n' } });
    expect(looser.policy.failOn).toBe('medium');
    expect(looser.errors.map(formatPolicyError)).toEqual([
      '.security.yml:1: fail_on: the org policy locks fail_on at medium; a repository can only make it stricter',
    ]);
  });

  it('does not apply an invalid repository policy and says why', async () => {
    const { policyErrors, policy } = await findingsWith(
      'fail_on: medium\n',
      'fail_on: sometimes\n',
    );
    expect(policyErrors).toEqual([
      '.security.yml:1: fail_on: expected one of critical, high, medium, low, none',
    ]);
    expect(policy.failOn).toBe('medium');
  });

  it('scopes rules to paths', async () => {
    const { findings } = await findingsWith(
      undefined,
      'rules:\n  hard-coded-secret:\n    include: ["host_vars/**"]\n',
    );
    expect(findings.map((finding) => finding.ruleId)).toEqual(['http-without-tls']);
  });

  it('passes rule options through', async () => {
    const { findings } = await findingsWith(
      undefined,
      'rules:\n  http-without-tls:\n    options:\n      allowed_hosts: ["*.example.com"]\n',
    );
    expect(findings.map((finding) => finding.ruleId)).toEqual(['hard-coded-secret']);
  });
});

describe('waivers', () => {
  const waiver =
    'waivers:\n  - rule: hard-coded-secret\n    path: "group_vars/*.yml"\n    reason: test fixture, not a real password\n    expires: 2026-12-31\n    approved_by: alice\n';

  it('waives matching findings until the end of the expiry day, and shows them as waived', async () => {
    const { findings, notices } = await findingsWith(
      undefined,
      waiver,
      new Date('2026-12-31T23:59:59Z'),
    );
    const secret = findings.find((finding) => finding.ruleId === 'hard-coded-secret');
    expect(secret).toMatchObject({
      status: 'waived',
      justification: 'waived by alice until 2026-12-31: test fixture, not a real password',
    });
    expect(notices).toEqual([]);
  });

  it('stops applying the day after it expires, and reports the expired waiver', async () => {
    const { findings, notices } = await findingsWith(
      undefined,
      waiver,
      new Date('2027-01-01T00:00:01Z'),
    );
    expect(
      findings.find((finding) => finding.ruleId === 'hard-coded-secret')?.status,
    ).toBeUndefined();
    expect(notices).toEqual([
      {
        path: '.security.yml',
        message:
          'the waiver for hard-coded-secret on group_vars/*.yml (approved by alice) expired on 2026-12-31 and no longer applies',
      },
    ]);
  });

  it('rejects a repository waiver for a locked rule', async () => {
    const { findings, policyErrors } = await findingsWith(
      'locked:\n  rules: [hard-coded-secret]\n',
      waiver,
    );
    expect(policyErrors).toEqual([
      '.security.yml:2: waivers[0]: hard-coded-secret is locked by the org policy; only the org can waive it',
    ]);
    expect(
      findings.find((finding) => finding.ruleId === 'hard-coded-secret')?.status,
    ).toBeUndefined();
  });

  it('narrows to a line or a fingerprint', async () => {
    const { findings } = await findingsWith(
      undefined,
      waiver.replace('    approved_by', '    line: 2\n    approved_by'),
    );
    expect(
      findings.find((finding) => finding.ruleId === 'hard-coded-secret')?.status,
    ).toBeUndefined();
  });
});

describe('inline suppressions', () => {
  const tasks = (comment: string) => ({
    path: 'roles/web/tasks/main.yml',
    content: `- name: fetch\n  get_url:\n    url: https://x.example.com/a\n    dest: /tmp/a\n    ${comment}\n    validate_certs: no\n`,
  });

  async function run(comment: string, policyText = '') {
    const built = buildPolicy(policyText ? { org: { ...ORG, text: policyText } } : {});
    return analyze([tasks(comment)], { policy: built.policy, rules: undefined });
  }

  it('suppresses the finding on the next line, with its reason on record', async () => {
    const { findings, notices } = await run(
      '# posture:ignore tls-verification-disabled -- lab appliance with a self-signed certificate',
    );
    expect(
      findings.find((finding) => finding.ruleId === 'tls-verification-disabled'),
    ).toMatchObject({
      status: 'suppressed',
      justification: 'suppressed inline: lab appliance with a self-signed certificate',
    });
    expect(notices).toEqual([]);
  });

  it('accepts a category as the target', async () => {
    const { findings } = await run(
      '# posture:ignore tls-verification-disabled, weak-crypto -- lab appliance',
    );
    expect(findings.find((finding) => finding.ruleId === 'tls-verification-disabled')?.status).toBe(
      'suppressed',
    );
  });

  it('requires a reason', async () => {
    const { findings, notices } = await run('# posture:ignore tls-verification-disabled');
    expect(
      findings.find((finding) => finding.ruleId === 'tls-verification-disabled')?.status,
    ).toBeUndefined();
    expect(notices).toEqual([
      {
        path: 'roles/web/tasks/main.yml',
        line: 5,
        message:
          'posture:ignore tls-verification-disabled has no reason after "--" and is not applied',
      },
    ]);
  });

  it('reports a suppression that matches nothing', async () => {
    const { notices } = await run('# posture:ignore pipe-to-shell -- not needed');
    expect(notices).toEqual([
      {
        path: 'roles/web/tasks/main.yml',
        line: 5,
        message: 'posture:ignore pipe-to-shell matches no finding',
      },
    ]);
  });

  it('is refused when the org forbids inline suppressions', async () => {
    const { findings, notices } = await run(
      '# posture:ignore tls-verification-disabled -- lab',
      'inline_suppressions: deny\n',
    );
    expect(
      findings.find((finding) => finding.ruleId === 'tls-verification-disabled')?.status,
    ).toBeUndefined();
    expect(notices[0]?.message).toBe(
      'the org policy does not allow inline suppressions; the finding stands',
    );
  });

  it('is refused for locked rules only under deny-locked', async () => {
    const policy =
      'inline_suppressions: deny-locked\nlocked:\n  rules: [tls-verification-disabled]\n';
    const { findings, notices } = await run(
      '# posture:ignore tls-verification-disabled -- lab',
      policy,
    );
    expect(
      findings.find((finding) => finding.ruleId === 'tls-verification-disabled')?.status,
    ).toBeUndefined();
    expect(notices[0]?.message).toBe(
      'the org policy does not allow suppressing the locked tls-verification-disabled; the finding stands',
    );
  });
});
