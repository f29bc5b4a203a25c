import type { Rule } from '../rule.js';
import { assignmentRange, assignments } from '../support/assignments.js';
import { isPasswordName } from '../support/names.js';

export const emptyPassword: Rule = {
  meta: {
    id: 'empty-password',
    title: 'Empty password',
    severity: 'high',
    category: 'empty-password',
    languages: ['ansible'],
    description:
      'A password is set to the empty string. Depending on the service this disables authentication for the account or lets anyone log in without a password.',
    remediation:
      'Set a strong password from a secret store, or lock the account. If the value is only a default meant to be overridden, leave it undefined and fail early when it is missing (`assert`, `fail`, a required class parameter).',
    cwe: 'CWE-258',
  },
  check({ file, report }) {
    for (const assignment of assignments(file)) {
      const { value } = assignment;
      if (value.kind !== 'string' || value.dynamic || value.value !== '') continue;
      if (!isPasswordName(assignment.name)) continue;
      report({ range: assignmentRange(assignment), message: `\`${assignment.name}\` is an empty password` });
    }
  },
};
