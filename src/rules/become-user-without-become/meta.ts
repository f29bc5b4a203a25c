import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'become-user-without-become',
  title: '`become_user` without `become: true`',
  severity: 'medium',
  category: 'privilege-escalation',
  languages: ['ansible'],
  description:
    '`become_user` names the account a task should run as, but Ansible switches accounts only when `become` is true for the task, a block around it or its play. Without it the setting is ignored: the task runs as the connecting user, so files are created with the wrong owner, a database is administered as the wrong role, or a step meant to drop privileges keeps them.',
  remediation:
    'Add `become: true` next to `become_user` (or on the block or play around it). If the task really should run as the connecting user, remove `become_user`.',
  cwe: 'CWE-269',
  catalog: ['PRIV-01'],
};
