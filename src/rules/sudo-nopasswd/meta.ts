import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'sudo-nopasswd',
  title: 'Passwordless sudo for every command',
  severity: 'high',
  category: 'sudo-nopasswd',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A sudoers rule grants `NOPASSWD: ALL` (or `Defaults !authenticate`): the account can become root without knowing any password. Anyone who gets a shell as that account, through a leaked key or a compromised service, owns the host.',
  remediation:
    'Require the password, or limit passwordless sudo to the exact commands the account needs (`NOPASSWD: /usr/bin/systemctl restart myapp`). Service accounts used by automation should get narrowly scoped rules.',
  cwe: 'CWE-269',
  catalog: ['PRIV-03'],
};
