import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'blanket-privilege-escalation',
  title: 'Privilege escalation for every task',
  severity: 'low',
  category: 'privilege-escalation',
  languages: ['ansible'],
  description:
    '`become: true` on a play of several tasks or roles, or `become = True` in the `[privilege_escalation]` section of `ansible.cfg`, runs every task as root: the steps that only read facts, render files for a service account or call an API get root too. A mistake or a hostile value in any of them (a templated path, a command line) then acts with root rights, and a reviewer cannot tell from a task which steps really need them.',
  remediation:
    'Set `become: true` on the tasks, blocks or role entries that need root (installing packages, writing under `/etc`), and leave it off the play and out of `ansible.cfg`. Use `become_user` to run service steps as the service account.',
  cwe: 'CWE-250',
  catalog: ['PRIV-08'],
  optIn: true,
};
