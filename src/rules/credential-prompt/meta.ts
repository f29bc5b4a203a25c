import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'credential-prompt',
  title: 'Credential prompt that echoes, or answered with a literal',
  severity: 'medium',
  category: 'secret-exposure',
  languages: ['ansible'],
  description:
    'A playbook asks for a password, token or key at the terminal and shows the answer as it is typed (`vars_prompt` with `private: false`, `pause` without `echo: false`), or answers a password prompt of the `expect` module with a literal. An echoed answer lands on screen, in terminal scrollback and in session recordings; a literal answer puts the credential in the repository.',
  remediation:
    "Read credentials from Ansible Vault, a lookup into a secrets manager, or the automation platform's credential store, and pass them to `expect` from there with `no_log: true`.",
  cwe: 'CWE-522',
  catalog: ['PRIV-15'],
};
