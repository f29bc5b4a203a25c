import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'config-deployed-without-validation',
  title: 'Sudoers or sshd configuration deployed without validation',
  severity: 'medium',
  category: 'config-deployed-without-validation',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A task or resource writes `/etc/sudoers`, a file in `/etc/sudoers.d/`, `/etc/ssh/sshd_config` or an `sshd_config.d` drop-in without checking the new file first (Ansible `validate:`, Puppet `validate_cmd`, Chef `verify`). A typo, a bad template variable or an option the installed version does not know then lands as it is: a broken sudoers file stops sudo for everyone, root access included, and a broken sshd configuration keeps sshd from starting, which locks everyone out of SSH. Recovering needs console access.',
  remediation:
    "Check the file before it replaces the old one: `validate: '/usr/sbin/visudo -cf %s'` or `validate: '/usr/sbin/sshd -t -f %s'` in Ansible, `validate_cmd => '/usr/sbin/visudo -cf %'` in Puppet, `verify '/usr/sbin/visudo -cf %{path}'` in Chef; or manage sudo rules with a module that checks them itself (`community.general.sudoers`).",
  cwe: 'CWE-754',
  catalog: ['PRIV-04'],
};
