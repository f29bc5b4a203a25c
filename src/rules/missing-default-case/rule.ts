import type { Rule } from '../rule.js';

export const missingDefaultCase: Rule = {
  meta: {
    id: 'missing-default-case',
    title: 'Case without a default branch',
    severity: 'low',
    category: 'missing-default-case',
    languages: ['puppet', 'chef'],
    description:
      'A `case` statement or selector has no `default` (Puppet) or `else` (Chef) branch. On a platform or value nobody listed, the configuration silently does nothing, or a Puppet selector fails the whole catalog, and hosts end up unconfigured: no firewall rule, no hardening, no package pin.',
    remediation:
      'Add a default branch that either handles the remaining values explicitly or fails with a clear message (`fail("unsupported platform ${facts[\'os\'][\'family\']}")`, `raise "unsupported platform"`).',
    cwe: 'CWE-478',
  },
  check({ file, report }) {
    for (const condition of file.conditions) {
      if (condition.kind === 'if' || condition.hasDefault) continue;
      const construct = condition.kind === 'selector' ? 'selector' : '`case`';
      const branch = file.language === 'chef' ? 'an `else` branch' : 'a `default` branch';
      report({ range: condition.range, message: `${construct} without ${branch}` });
    }
  },
};
