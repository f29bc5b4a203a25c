import type { Rule } from '../rule.js';
import { assignments, type Assignment } from '../support/assignments.js';
import { isClientCredentialName, passwordWord } from '../support/names.js';
import { quote, valueRange } from '../support/source-lines.js';
import { removesResource } from '../support/values.js';

/** Ansible role defaults: the role's parameters. */
const DEFAULTS_FILE = /(^|\/)defaults\//;

/** GLITCH's smell also covers optional parameters without a password and unused client credentials. */
const GLITCH_ONLY = ['glitch'] as const;

/**
 * A default someone gets unless they override it: a class or resource parameter, a Chef
 * attribute default, a variable in an Ansible role's defaults.
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
      'A password is set to the empty string, so the account or service it protects is set up without one: anyone can log in. An empty passphrase leaves the private key it protects unencrypted, a defence-in-depth matter reported at low severity.',
    remediation:
      'Set a strong password from a secret store, or lock the account. If the value is only a default meant to be overridden, leave it undefined and fail early when it is missing (`assert`, `fail`, a required class parameter).',
    cwe: 'CWE-258',
  },
  check({ file, report }) {
    const inDefaultsFile = DEFAULTS_FILE.test(file.path);
    for (const assignment of assignments(file)) {
      const { name, value, unit } = assignment;
      const word = passwordWord(name);
      if (!word || (unit && removesResource(unit, file.language))) continue;
      const range = valueRange(file, value);
      if (value.kind === 'string' && !value.dynamic && value.value === '') {
        if (assignment.path.some(isClientCredentialName)) {
          report({ range, message: `\`${name}\` is empty (${quote(value.text)}): the host logs in elsewhere without a password`, profiles: GLITCH_ONLY });
        } else if (word === 'passphrase') {
          report({ range, message: `\`${name}\` is an empty passphrase (${quote(value.text)}): the private key it protects is stored unencrypted`, severity: 'low' });
        } else {
          report({ range, message: `\`${name}\` is an empty password (${quote(value.text)}): whatever it protects can be logged in to without one` });
        }
      } else if (value.kind === 'null' && value.text.trim() !== '' && isDefault(assignment, inDefaultsFile)) {
        // An explicit `undef`/`nil`/`~`: an optional parameter, which the code may well check before use.
        report({ range, message: `\`${name}\` defaults to no password (${quote(value.text)}); require it instead`, profiles: GLITCH_ONLY });
      }
    }
  },
};
