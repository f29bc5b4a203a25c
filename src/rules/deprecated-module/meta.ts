import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'deprecated-module',
  title: 'Removed module or resource in use',
  severity: 'low',
  category: 'deprecated-module',
  languages: ['ansible', 'chef'],
  description:
    'The code calls a module or resource that was deprecated and has since been removed (`include:`, `docker`, classic `ec2`, Chef `easy_install_package`, `deploy`). It runs only on a release of Ansible, of its collections or of Chef Infra that no longer gets security fixes, and the code itself is no longer maintained by anyone. Opt-in: it is a maintenance finding first.',
  remediation:
    'Move to the replacement the message names, then to a supported release of Ansible (or the collection) or Chef Infra.',
  cwe: 'CWE-1104',
  catalog: ['SUP-13'],
  optIn: true,
};
