import type { Rule } from '../rule.js';
import type { Value } from '../../model/model.js';
import { assignments, type Assignment } from '../support/assignments.js';
import { rangeOfMatch } from '../support/source-lines.js';
import { meta } from './meta.js';

/** The openssl cookbook's password helper (`Opscode::OpenSSL::Password#secure_password`). */
const HELPER = 'secure_password';
const HELPER_CALL = /\bsecure_password\b/;

/** Whether a value calls the helper: `secure_password`, `secure_password(24)`, `"#{secure_password}"`. */
function callsHelper(value: Value): boolean {
  if (value.kind === 'call' && value.name === HELPER) return true;
  if (value.kind === 'string' && value.dynamic && /#\{\s*secure_password\b/.test(value.text))
    return true;
  return false;
}

/** What becomes of the password, for the message: a node attribute keeps it on the Chef server. */
function consequence(assignment: Assignment): string {
  if (assignment.scope === 'attribute')
    return 'it is saved as a node attribute, which the Chef server keeps in plaintext for every client and user that can read or search nodes';
  return 'it is a fresh password on every run, so whatever keeps it (a node attribute, a file) holds it in plaintext';
}

export const weakSecretGenerator: Rule = {
  meta,
  check({ file, report }) {
    if (file.language !== 'chef') return;
    for (const assignment of assignments(file)) {
      if (!callsHelper(assignment.value)) continue;
      report({
        range: rangeOfMatch(file, assignment.value.range, HELPER_CALL),
        message: `\`${assignment.name}\` is made up by the openssl cookbook's deprecated \`secure_password\` helper: ${consequence(assignment)}`,
      });
    }
  },
};
