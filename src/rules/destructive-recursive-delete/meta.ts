import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'destructive-recursive-delete',
  title: 'Recursive delete that can reach a system folder',
  severity: 'medium',
  category: 'unsafe-file-operation',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A task or resource deletes a whole tree whose path is `/` or a top-level system folder, or is built from a variable that, empty or unset, turns it into one: Ansible `file: state=absent`, Puppet `file` with `ensure => absent, force => true` or `tidy` of every file, Chef `directory` with `recursive true` and `action :delete`, and `rm -r` in commands (`rm -rf "$DIR"/`). One missing value wipes the host.',
  remediation:
    'Delete the exact folder the code created, by a path with a literal folder after any variable (`{{ app_root }}/releases`), check the variable before the delete (`assert` that it is set, `${DIR:?}` in shell), and prefer removing known files to emptying trees.',
  cwe: 'CWE-73',
  catalog: ['FILE-08'],
};
