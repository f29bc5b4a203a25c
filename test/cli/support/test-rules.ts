/**
 * Two small rules that make the CLI tests independent of the real catalog:
 * one high (`validate_certs: no`) and one low (any comment containing TODO).
 */
import type { Rule } from '../../../src/rules/rule.js';

export const TEST_TLS_RULE: Rule = {
  meta: {
    id: 'test-tls-off',
    title: 'Test: certificate validation off',
    severity: 'high',
    category: 'tls-verification-disabled',
    languages: ['ansible'],
    description: 'Flags `validate_certs: no`.',
    remediation: 'Remove `validate_certs: no`.',
    cwe: 'CWE-295',
  },
  check({ file, report }) {
    for (const unit of file.units) {
      for (const attribute of unit.attributes) {
        if (attribute.name === 'validate_certs' && attribute.value.value === false) {
          report({ range: attribute.range, message: 'certificate validation is off' });
        }
      }
    }
  },
};

export const TEST_TODO_RULE: Rule = {
  meta: {
    id: 'test-todo-comment',
    title: 'Test: TODO comment',
    severity: 'low',
    category: 'suspicious-comment',
    languages: ['ansible'],
    description: 'Flags comments containing TODO.',
    remediation: 'Resolve the TODO.',
    cwe: 'CWE-546',
  },
  check({ file, report }) {
    for (const comment of file.comments) {
      if (comment.text.includes('TODO'))
        report({ range: comment.range, message: 'unfinished work' });
    }
  },
};

export const TEST_RULES: readonly Rule[] = [TEST_TLS_RULE, TEST_TODO_RULE];

/** A repository policy with one custom rule, `no-latest-packages` (medium): `state: latest` on a package. */
export const CUSTOM_RULE_POLICY = [
  'custom_rules:',
  '  - id: no-latest-packages',
  '    message: Pin package versions',
  '    severity: medium',
  '    category: missing-integrity-check',
  '    languages: [ansible]',
  '    match:',
  '      type: package',
  '      attribute: state',
  '      equals: latest',
  '',
].join('\n');
