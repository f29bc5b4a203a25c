import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'admin-by-default',
  title: 'Administrator account by default',
  severity: 'medium',
  category: 'admin-by-default',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A service or client logs in with an administrator account (`root`, `admin`, `sa`, ...) by default, where a dedicated least-privileged account would do, or Ansible connects over SSH as root, which keeps `PermitRootLogin` enabled on every host. Whoever deploys the default runs with every privilege.',
  remediation:
    'Default to a dedicated least-privileged account and grant it only what it needs. For Ansible, connect as an unprivileged user and use `become` for the tasks that need root.',
  cwe: 'CWE-250',
  catalog: [],
};
