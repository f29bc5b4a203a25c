import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'empty-password',
  title: 'Empty password',
  severity: 'high',
  category: 'empty-password',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A password is set to the empty string, so the account or service it protects is set up without one: anyone can log in. An empty passphrase leaves the private key it protects unencrypted, a defence-in-depth matter reported at low severity.',
  remediation:
    'Set a strong password from a secret store, or lock the account. If the value is only a default meant to be overridden, leave it undefined and fail early when it is missing (`assert`, `fail`, a required class parameter).',
  cwe: 'CWE-258',
  catalog: ['PRIV-07'],
};
