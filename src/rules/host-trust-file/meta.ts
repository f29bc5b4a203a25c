import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'host-trust-file',
  title: 'Host trust file deployed (hosts.equiv, .rhosts)',
  severity: 'high',
  category: 'insecure-ssh-server',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "A task or resource creates or writes `/etc/hosts.equiv`, `/etc/shosts.equiv`, a user's `.rhosts` or `.shosts` (Ansible `copy`, `template`, `lineinfile`, `blockinfile`, `file` with `state: touch`; Puppet `file`, `file_line`, `concat`; Chef `file`, `template`, `cookbook_file`, `append_if_no_line`; or a shell redirect), or a PAM stack loads `pam_rhosts.so`. These files let the hosts and users they name log in without a password, on the word of the other machine: whoever controls or impersonates a trusted host gets in. A `+` entry, which trusts every host or every user, is high; any other trust file is medium.",
  remediation:
    'Delete the files (`state: absent`, `ensure => absent`, `action :delete`), drop `pam_rhosts.so` from the PAM stacks, and use SSH keys or certificates for logins between hosts.',
  cwe: 'CWE-290',
  catalog: ['HARD-10'],
};
