import type { Rule } from '../rule.js';
import { assignmentRange, assignments, type Assignment } from '../support/assignments.js';
import { literalText, ownStrings } from '../support/values.js';
import { rangeOfMatch } from '../support/source-lines.js';
import { credentialSubject, isSecretName, isUserName } from '../support/names.js';
import { KNOWN_TOKEN, PRIVATE_KEY_BLOCK, isSecretLiteral } from '../support/secrets.js';
import type { Attribute } from '../../engine/model.js';

function literalSecret(entry: { name: string; value: Assignment['value'] }): boolean {
  if (!isSecretName(entry.name)) return false;
  const text = literalText(entry.value);
  return text !== undefined && entry.value.kind !== 'boolean' && isSecretLiteral(text);
}

/**
 * A user name typed beside a typed password for the same thing (`username`/`password`,
 * `mysql_user`/`mysql_password`): the two together are a hard-coded credential.
 */
function partOfLiteralCredential(assignment: Assignment): boolean {
  if (!isUserName(assignment.name)) return false;
  const user = literalText(assignment.value);
  if (!user || assignment.value.kind !== 'string') return false;
  const subject = credentialSubject(assignment.name);
  return assignment.siblings.some(
    (sibling: Attribute) =>
      credentialSubject(sibling.name) === subject &&
      (literalSecret(sibling) || (isSecretName(sibling.name) && sibling.value.kind === 'string' && sibling.value.value === '')),
  );
}


export const hardCodedSecret: Rule = {
  meta: {
    id: 'hard-coded-secret',
    title: 'Hard-coded secret',
    severity: 'high',
    category: 'hard-coded-secret',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'A password, token, API key or private key is written into the code as a literal. Everyone who can read the repository, its forks, its CI logs and its history can read the secret, and rotating it means a code change.',
    remediation:
      'Keep the secret in a secret store and reference it: Ansible Vault (`!vault` or a `vault_` variable), a `lookup()` of a secret manager, Hiera-eyaml or `Sensitive()` in Puppet, encrypted data bags or Chef Vault in Chef. Rotate the exposed value: it is in the history.',
    cwe: 'CWE-798',
  },
  check({ file, report }) {
    for (const assignment of assignments(file)) {
      if (literalSecret(assignment)) {
        report({ range: assignmentRange(assignment), message: `\`${assignment.name}\` is set to a literal secret` });
        continue;
      }
      if (partOfLiteralCredential(assignment)) {
        report({ range: assignmentRange(assignment), message: `\`${assignment.name}\` is the user name of a hard-coded credential` });
        continue;
      }
      for (const value of ownStrings(assignment.value)) {
        const text = value.value;
        const pattern = PRIVATE_KEY_BLOCK.test(text) ? PRIVATE_KEY_BLOCK : !value.dynamic && KNOWN_TOKEN.test(text) ? KNOWN_TOKEN : undefined;
        if (!pattern) continue;
        const kind = pattern === PRIVATE_KEY_BLOCK ? 'a private key' : 'an access token';
        report({ range: rangeOfMatch(file, value.range, pattern), message: `\`${assignment.name}\` contains ${kind}` });
      }
    }
  },
};
