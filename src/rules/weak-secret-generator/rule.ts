import type { Rule } from '../rule.js';
import type { Value } from '../../model/model.js';
import { assignments, type Assignment } from '../support/assignments.js';
import { rangeOfMatch } from '../support/source-lines.js';

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
  meta: {
    id: 'weak-secret-generator',
    title: 'Password generated with the openssl cookbook helper',
    severity: 'low',
    category: 'secret-exposure',
    languages: ['chef'],
    description:
      "A password comes from `secure_password`, the helper of the openssl cookbook that recipes mixed in to make up database and service passwords (`node.normal_unless['mysql']['server_root_password'] = secure_password`). The helper is deprecated and gone from current openssl cookbooks, and the pattern it served stores the generated secret as a node attribute: in plaintext on the Chef server, readable by every node and user that can read or search nodes, and lost when the node is rebuilt.",
    remediation:
      'Generate the secret once, outside the node, and keep it in Chef Vault or an encrypted data bag that the recipe reads (`chef_vault_item`, `data_bag_item` with a secret). Where a recipe must make one up, use `SecureRandom` from the Ruby standard library and never store the result in node attributes.',
    cwe: 'CWE-256',
    catalog: ['SEC-13'],
  },
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
