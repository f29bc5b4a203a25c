import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'command-instead-of-module',
  title: 'Shell command doing what a module does',
  severity: 'low',
  category: 'shell-hygiene',
  languages: ['ansible'],
  description:
    'A `command` or `shell` task runs a program that an Ansible module replaces: a package install, a service restart, a user, a mode or owner change, a download, a clone, an in-place `sed`, an `echo >> file`. The command runs on every play whether or not anything needs changing, reports a change each time (or hides one), and leaves a reviewer to read command-line flags instead of a declared state; a download with `curl` or `wget` also skips the checksum `get_url` can verify.',
  remediation:
    'Use the module the finding names (`ansible.builtin.apt`, `service`, `user`, `file`, `get_url` with `checksum`, `git` with a pinned `version`, `lineinfile`) so the task declares the state it wants and changes the host only when it differs.',
  cwe: 'CWE-1164',
  catalog: ['PRIV-11'],
  optIn: true,
};
