import type { Rule } from '../rule.js';
import { assignmentRange, assignments } from '../support/assignments.js';
import { isPasswordName } from '../support/names.js';
import type { Assignment } from '../support/assignments.js';

/** Ansible role defaults: the role's parameters. */
const DEFAULTS_FILE = /(^|\/)defaults\//;

/**
 * A default someone gets unless they override it: a class or resource parameter, a Chef
 * attribute default, a variable in an Ansible role's defaults. An unset password there means
 * the thing is set up without one; a required parameter would force a decision.
 */
function isDefault(assignment: Assignment, inDefaultsFile: boolean): boolean {
  if (assignment.source !== 'variable') return false;
  return assignment.scope === 'parameter' || assignment.scope === 'attribute' || (assignment.scope === 'vars-file' && inDefaultsFile);
}

export const emptyPassword: Rule = {
  meta: {
    id: 'empty-password',
    title: 'Empty password',
    severity: 'high',
    category: 'empty-password',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'A password is set to the empty string. Depending on the service this disables authentication for the account or lets anyone log in without a password.',
    remediation:
      'Set a strong password from a secret store, or lock the account. If the value is only a default meant to be overridden, leave it undefined and fail early when it is missing (`assert`, `fail`, a required class parameter).',
    cwe: 'CWE-258',
  },
  check({ file, report }) {
    const isDefaults = DEFAULTS_FILE.test(file.path);
    for (const assignment of assignments(file)) {
      const { value } = assignment;
      if (!isPasswordName(assignment.name)) continue;
      if (value.kind === 'string' && !value.dynamic && value.value === '') {
        report({ range: assignmentRange(assignment), message: `\`${assignment.name}\` is an empty password` });
      } else if (value.kind === 'null' && value.text.trim() !== '' && isDefault(assignment, isDefaults)) {
        // An explicit `undef`/`nil`/`~`; a parameter with no default at all is required, which is right.
        report({ range: assignmentRange(assignment), message: `\`${assignment.name}\` defaults to no password (${value.text || 'null'}); require it instead` });
      }
    }
  },
};
