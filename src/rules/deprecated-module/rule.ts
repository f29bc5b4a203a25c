import type { Rule } from '../rule.js';
import { REMOVED_MODULES } from './modules.js';
import { meta } from './meta.js';

export const deprecatedModule: Rule = {
  meta,
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
