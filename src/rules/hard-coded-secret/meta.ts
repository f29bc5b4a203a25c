import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'hard-coded-secret',
  title: 'Hard-coded secret',
  severity: 'high',
  category: 'hard-coded-secret',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A password, token, API key or private key is written into the code as a literal. Everyone who can read the repository, its forks, its CI logs and its history can read the secret, and rotating it means a code change. A placeholder or a password everyone knows (`changeme`, `password`, the user name again) is reported at low severity: it is no leak, but whoever deploys it unchanged runs with a public password.',
  remediation:
    'Keep the secret in a secret store and reference it: Ansible Vault (`!vault` or a `vault_` variable), a `lookup()` of a secret manager, Hiera-eyaml or `Sensitive()` in Puppet, encrypted data bags or Chef Vault in Chef. Rotate the exposed value: it is in the history. For a placeholder, leave the value unset and fail when it is missing.',
  cwe: 'CWE-798',
  catalog: ['SEC-01', 'SEC-02', 'SEC-03', 'SEC-09', 'SEC-10', 'SEC-12'],
};
