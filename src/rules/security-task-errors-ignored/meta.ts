import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'security-task-errors-ignored',
  title: 'Errors ignored on a task that sets up a security control',
  severity: 'low',
  category: 'security-control-disabled',
  languages: ['ansible'],
  description:
    '`ignore_errors: true` or `failed_when: false` on a task (or a block around it) that sets up a security control: a firewall rule, SELinux, a user account, SSH or sudo configuration, auditing, PAM, package signing keys, certificates, kernel hardening. When the task fails the run still succeeds, and nobody learns that the host is running without the control.',
  remediation:
    'Let the task fail. If some failures are expected, say which with `failed_when` on the result (a return code, a message), or handle them with `block`/`rescue` that reports them.',
  cwe: 'CWE-754',
  catalog: ['PRIV-14'],
};
