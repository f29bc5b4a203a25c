import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'missing-default-case',
  title: 'Case without a default branch',
  severity: 'low',
  category: 'missing-default-case',
  languages: ['puppet', 'chef'],
  description:
    'A `case` statement or selector has no `default` (Puppet) or `else` (Chef) branch. On a platform or value nobody listed, the configuration silently does nothing, or a Puppet selector fails the whole catalog. This is a robustness smell, not a security finding: it runs in the `glitch` profile only, unless a policy turns it on.',
  remediation:
    'Add a default branch that either handles the remaining values explicitly or fails with a clear message (`fail("unsupported platform ${facts[\'os\'][\'family\']}")`, `raise "unsupported platform"`).',
  cwe: 'CWE-478',
  catalog: [],
  profiles: ['glitch'],
};
