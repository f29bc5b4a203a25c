import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import type { Severity } from '../../src/model/finding.js';
import { defaultPolicy } from '../../src/policy/defaults.js';
import type { Profile } from '../../src/rules/profiles.js';
import type { Rule } from '../../src/rules/rule.js';

const TASKS = {
  path: 'roles/web/tasks/main.yml',
  content: '- name: install\n  ansible.builtin.package:\n    name: nginx\n',
};

/** A rule that reports on line 2 a GLITCH-only smell first, then a finding of every profile at a lower severity. */
const twoKinds: Rule = {
  meta: {
    id: 'two-kinds',
    title: 'two kinds',
    severity: 'medium',
    category: 'suspicious-comment',
    languages: ['ansible'],
    description: 'two kinds',
    remediation: 'none',
    cwe: 'CWE-710',
  },
  check({ report }) {
    const range = { line: 2, column: 3, endLine: 2, endColumn: 10 };
    report({ range, message: 'a smell', profiles: ['glitch'] });
    report({ range, message: 'a weakness', severity: 'low' });
  },
};

async function findings(profile: Profile, severity?: Severity) {
  const policy = {
    ...defaultPolicy(),
    profile,
    ...(severity ? { rules: { 'two-kinds': { severity } } } : {}),
  };
  return (await analyze([TASKS], { rules: [twoKinds], policy })).findings.map(
    (finding) => `${finding.message} (${finding.severity})`,
  );
}

describe('profiles and the reports of a rule', () => {
  it('drops a report of another profile before it can take its line', async () => {
    expect(await findings('security')).toEqual(['a weakness (low)']);
    expect(await findings('glitch')).toEqual(['a smell (medium)']);
  });

  it("lets a report lower its severity, never above the policy's for the rule", async () => {
    expect(await findings('security', 'critical')).toEqual(['a weakness (low)']);
  });

  it("keeps the policy's severity when the rule's is lower than the report's", async () => {
    const loud: Rule = {
      ...twoKinds,
      check: ({ report }) =>
        report({
          range: { line: 2, column: 3, endLine: 2, endColumn: 10 },
          message: 'loud',
          severity: 'critical',
        }),
    };
    const policy = { ...defaultPolicy(), rules: { 'two-kinds': { severity: 'low' as const } } };
    expect(
      (await analyze([TASKS], { rules: [loud], policy })).findings.map(
        (finding) => finding.severity,
      ),
    ).toEqual(['low']);
  });
});
