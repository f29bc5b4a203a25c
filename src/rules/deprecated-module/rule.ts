import type { Rule } from '../rule.js';
import { REMOVED_MODULES } from './modules.js';

export const deprecatedModule: Rule = {
  meta: {
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
  },
  check({ file, report }) {
    const removed = REMOVED_MODULES[file.language];
    if (!removed) return;
    for (const unit of file.units) {
      if (unit.kind !== 'task' && unit.kind !== 'handler' && unit.kind !== 'resource') continue;
      const entry = Object.hasOwn(removed, unit.type) ? removed[unit.type] : undefined;
      if (!entry) continue;
      report({
        range: unit.typeRange,
        message: `\`${unit.typeAsWritten}\` was removed in ${entry.removed}: code that still uses it runs only on a release that no longer gets security fixes. Use ${entry.instead}`,
      });
    }
  },
};
