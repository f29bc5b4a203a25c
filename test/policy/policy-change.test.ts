import { describe, expect, it } from 'vitest';
import { describePolicyChange, policyChangeFinding } from '../../src/policy/policy-change.js';

const base = (text: string) => ({ source: '.security.yml', text });
const head = (text: string) => ({ source: '.security.yml (this pull request)', text });

describe('policy-change', () => {
  it.each([
    [
      'turning a rule off',
      'rules:\n  weak-crypto: high\n',
      'rules:\n  weak-crypto: off\n',
      'turns weak-crypto off',
    ],
    [
      'lowering a severity',
      '',
      'rules:\n  pipe-to-shell: low\n',
      'lowers pipe-to-shell from high to low',
    ],
    ['loosening fail_on', 'fail_on: medium\n', 'fail_on: critical\n', 'fail_on: medium → critical'],
    [
      'excluding paths',
      '',
      'paths:\n  exclude: ["legacy/**"]\n',
      'excludes legacy/** from analysis',
    ],
    [
      'adding a waiver',
      '',
      'waivers:\n  - rule: weak-crypto\n    path: "**"\n    reason: later\n    expires: 2999-01-01\n    approved_by: bob\n',
      'waives weak-crypto on ** until 2999-01-01 (approved by bob: later)',
    ],
    [
      'removing a security reviewer',
      'review:\n  teams: [security]\n  when:\n    risk: high\n',
      'review:\n  teams: [platform]\n  when:\n    risk: high\n',
      'removes the security reviewer team security',
    ],
    [
      'routing only at a higher risk',
      'review:\n  teams: [security]\n  when:\n    risk: medium\n',
      'review:\n  teams: [security]\n  when:\n    risk: high\n',
      'routes to security review at risk medium → high',
    ],
    [
      'counting existing findings no more',
      'fail_on_existing: true\n',
      'fail_on_existing: false\n',
      'fail_on_existing: true → false',
    ],
  ])('reports %s as loosening, at high severity', (_name, before, after, expected) => {
    const change = describePolicyChange(undefined, base(before), head(after));
    expect(change.loosened).toContain(expected);
    expect(policyChangeFinding('.security.yml', change)?.severity).toBe('high');
  });

  it('reports tightening at low severity', () => {
    const change = describePolicyChange(
      undefined,
      base('fail_on: high\n'),
      head('fail_on: medium\nrules:\n  suspicious-comment: medium\n'),
    );
    expect(change.loosened).toEqual([]);
    expect(change.other).toEqual([
      'fail_on: high → medium',
      'raises suspicious-comment from low to medium',
    ]);
    expect(policyChangeFinding('.security.yml', change)).toMatchObject({
      ruleId: 'policy-change',
      severity: 'low',
      path: '.security.yml',
    });
  });

  it('validates the edited file', () => {
    const change = describePolicyChange(undefined, base(''), head('fail_on: sometimes\n'));
    expect(change.errors).toEqual([
      '.security.yml (this pull request):1: fail_on: expected one of critical, high, medium, low, none',
    ]);
    expect(policyChangeFinding('.security.yml', change)?.message).toContain(
      'The edited policy is invalid: ',
    );
  });

  it('treats deleting the policy as dropping everything it said', () => {
    const change = describePolicyChange(undefined, base('fail_on: low\n'), undefined);
    expect(change.loosened).toEqual(['fail_on: low → high']);
  });

  it('says nothing when the edit changes nothing that matters', () => {
    expect(
      policyChangeFinding(
        '.security.yml',
        describePolicyChange(
          undefined,
          base('fail_on: high\n'),
          head('# comment\nfail_on: high\n'),
        ),
      ),
    ).toBeUndefined();
  });
});
