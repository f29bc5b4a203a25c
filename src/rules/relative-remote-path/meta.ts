import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'relative-remote-path',
  title: 'Relative path on the managed host',
  severity: 'low',
  category: 'unsafe-file-operation',
  languages: ['ansible'],
  description:
    "A task writes a file or directory on the managed host at a relative path (`dest: app/config.yml`, `path: .ssh/config`). Ansible's modules resolve it against the working directory of the account the task connects or becomes, usually its home: the file lands in a place that changes with `remote_user` and `become_user`, where the account that owns that folder can prepare it, and the service that reads the absolute path never sees it.",
  remediation:
    'Write the absolute path (`/etc/app/config.yml`), or build it from a variable that holds one (`{{ app_home }}/config.yml`). Tasks meant for the control node say so with `delegate_to: localhost` and usually start from `{{ playbook_dir }}`.',
  cwe: 'CWE-427',
  catalog: ['FILE-07'],
};
