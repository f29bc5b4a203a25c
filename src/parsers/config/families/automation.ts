import type { FormatSpec } from '../format-spec.js';

/**
 * The settings of the configuration-management tools themselves: how Ansible connects to the
 * hosts it manages. A project keeps its `ansible.cfg` beside its playbooks, where
 * `ansible-playbook` reads it from the working directory.
 */
export const AUTOMATION_FORMATS: readonly FormatSpec[] = [
  {
    format: 'ansible-cfg',
    label: 'ansible.cfg',
    syntax: 'ini',
    files: '`ansible.cfg`, `.ansible.cfg`, wherever they are',
    checks:
      '`host_key_checking = False`, `ssh_args` that turn host key checks off (`ssh-host-key-checking-disabled`)',
    name: /(^|[._-])ansible\.cfg$/i,
    destination: /(^|\/)\.?ansible\.cfg$/,
    tool: 'ansible',
  },
];
