import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'unrestricted-ssh-access',
  title: 'SSH daemon open to every account on every address',
  severity: 'low',
  category: 'insecure-ssh-server',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "A whole `sshd_config` the code deploys (a template or a file, recognised by its name or destination) listens on every address and names no `AllowUsers`, `AllowGroups`, `DenyUsers` or `DenyGroups`, and no `Match User`, `Group` or `Address` block: every account with a shell and a key or password may log in from anywhere that reaches port 22, including service and system accounts nobody meant to log in. This is OpenSSH's default, so the rule is opt-in: turn it on where SSH access is meant to be limited to named groups.",
  remediation:
    'Name who may log in: `AllowGroups ssh-users` (or `AllowUsers deploy admin`), and where the host has a management network, `ListenAddress` on that address only or a `Match Address` block for the networks that may log in.',
  cwe: 'CWE-284',
  catalog: ['NET-14'],
  optIn: true,
};
