import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'ssh-host-key-checking-disabled',
  title: 'SSH host key checking disabled',
  severity: 'medium',
  category: 'ssh-host-key-checking-disabled',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "SSH is told not to check the host key of the server it connects to (`StrictHostKeyChecking=no`, `UserKnownHostsFile=/dev/null`, `ansible_host_key_checking: false`, `host_key_checking = False` in `ansible.cfg`, git's `accept_hostkey: true`). The connection is encrypted, but to whoever answers: a man in the middle can pose as the host, read what is sent (become passwords, deployed secrets, source code) and send back what it likes.",
  remediation:
    "Distribute the hosts' keys instead (`known_hosts` module, `ssh_known_hosts` in Puppet or Chef, SSH certificates signed by a host CA), or use `StrictHostKeyChecking=accept-new`, which trusts a key only the first time and refuses a changed one.",
  cwe: 'CWE-322',
  catalog: ['HARD-06'],
};
