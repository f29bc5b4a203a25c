import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'ansible-password-connection',
  title: 'Ansible logs in to hosts over SSH with a password',
  severity: 'medium',
  category: 'weak-authentication-policy',
  languages: ['ansible'],
  description:
    "An inventory, group or host vars file gives Ansible an SSH login password (`ansible_ssh_pass`, `ansible_ssh_password`, or `ansible_password` for hosts reached over SSH or paramiko), or `ansible.cfg` sets `ask_pass = True`. The managed hosts then have to accept password logins over SSH, which can be guessed and stuffed, and one shared password opens every host. Whether the password itself is hard-coded is `hard-coded-secret`'s concern; this is about logging in with one at all.",
  remediation:
    'Log in with SSH keys (`ansible_ssh_private_key_file`, an SSH agent, or certificates), set `PasswordAuthentication no` on the hosts, and remove the password variables; keep `ask_pass` off.',
  cwe: 'CWE-309',
  catalog: ['TLS-13'],
};
