import type { Report, Rule, RuleContext } from '../rule.js';
import { reportBinding, usePhrase, wholeBindings } from '../support/bindings.js';
import { assignments, type Assignment } from '../support/assignments.js';
import { namedSettingAssignments } from '../support/named-settings.js';
import { literalText, ownStrings } from '../support/values.js';
import { quote, rangeOfMatch, valueRange } from '../support/source-lines.js';
import { credentialSubject, isSecretName, isUserName } from '../support/names.js';
import {
  KNOWN_TOKEN,
  PRIVATE_KEY_BLOCK,
  judgeSecretLiteral,
  maskSecret,
  type SecretLiteral,
} from '../support/secrets.js';
import type { Attribute, FileModel, Value } from '../../model/model.js';
import { meta } from './meta.js';

/** A hard-coded user name is one of GLITCH's smells, not a secret. */
const GLITCH_ONLY = ['glitch'] as const;

/**
 * One Jinja2 expression whose value starts from a quoted literal, whatever filters follow:
 * `{{ 'Xk93mdPq' | password_hash('sha512') }}` still has the password typed in the repository.
 */
const JINJA_LITERAL = /^\s*\{\{-?\s*(?:'([^'{}]*)'|"([^"{}]*)")\s*(?:\|[^{}]*)?-?\}\}\s*$/;

const SENSITIVE = new Set(['Sensitive', 'Sensitive.new']);

/**
 * The literal text of a value in a position that could hold a secret: strings and numbers, not
 * switches; in Ansible, also the literal a Jinja2 expression is computed from, and in Puppet the
 * literal `Sensitive()` wraps.
 */
function literalOf(value: Value): string | undefined {
  if (value.kind === 'boolean') return undefined;
  // Puppet's `Sensitive('…')` keeps the value out of logs and reports, not out of the repository.
  const [wrapped, ...others] = value.items ?? [];
  if (value.kind === 'call' && SENSITIVE.has(value.name ?? '') && wrapped && others.length === 0)
    return literalOf(wrapped);
  const text = literalText(value);
  if (text !== undefined || !value.dynamic || typeof value.value !== 'string') return text;
  const match = JINJA_LITERAL.exec(value.value);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The user name written beside a secret for the same thing (`mysql_user` beside `mysql_password`). */
function userNameBeside(
  entry: { name: string },
  siblings: readonly Attribute[],
): string | undefined {
  const subject = credentialSubject(entry.name);
  const user = siblings.find(
    (sibling) => isUserName(sibling.name) && credentialSubject(sibling.name) === subject,
  );
  return user ? literalOf(user.value) : undefined;
}

/** How the literal of a secret-named key reads, or undefined when the key holds no secret literal. */
function secretLiteral(
  entry: { name: string; value: Value },
  siblings: readonly Attribute[],
): SecretLiteral | undefined {
  if (!isSecretName(entry.name)) return undefined;
  const text = literalOf(entry.value);
  return text === undefined ? undefined : judgeSecretLiteral(text, userNameBeside(entry, siblings));
}

/** An HTTP `Authorization` header's scheme and credentials: `Bearer 9f8e…`, `Basic dXNlcjpw…`. */
const AUTHORIZATION = /^\s*(?:Bearer|Basic|Token|Digest)\s+(\S+)\s*$/i;

/** The credentials a literal `Authorization` (or `Proxy-Authorization`) header carries. */
function authorizationCredentials(assignment: Assignment): string | undefined {
  if (!/^(proxy-)?authorization$/i.test(assignment.name)) return undefined;
  const text = literalOf(assignment.value);
  return text === undefined ? undefined : AUTHORIZATION.exec(text)?.[1];
}

/**
 * A user name typed beside a typed password for the same thing (`username`/`password`,
 * `mysql_user`/`mysql_password`): GLITCH counts the pair as a hard-coded credential.
 */
function userOfLiteralCredential(assignment: Assignment): boolean {
  if (
    !isUserName(assignment.name) ||
    assignment.value.kind !== 'string' ||
    !literalText(assignment.value)
  )
    return false;
  const subject = credentialSubject(assignment.name);
  return assignment.siblings.some(
    (sibling) =>
      credentialSubject(sibling.name) === subject &&
      (secretLiteral(sibling, assignment.siblings) !== undefined ||
        (isSecretName(sibling.name) &&
          sibling.value.kind === 'string' &&
          sibling.value.value === '')),
  );
}

/**
 * A secret-named key given a variable that a literal secret sets under a name that says nothing
 * of secrets (`password => $pw` with `$pw = '…'`, `password pw` with a Ruby local): reported
 * where the literal is written, naming where it is used. A definition with a secret's name is
 * reported as it stands.
 */
function checkBoundSecret(context: RuleContext, assignment: Assignment): void {
  if (!isSecretName(assignment.name) || !assignment.value.dynamic) return;
  for (const binding of wholeBindings(context, assignment.value, assignment.unit?.within)) {
    const { definition } = binding;
    if (!definition || isSecretName(definition.name.split(/::|\./).at(-1) ?? '')) continue;
    const text = literalOf(binding.value);
    const judged = text === undefined ? undefined : judgeSecretLiteral(text, undefined);
    if (!judged || text === undefined) continue;
    reportBinding(
      context,
      binding,
      {
        range: assignment.value.range,
        as: assignment.unit
          ? usePhrase(context.file, assignment.unit, assignment.name)
          : `as \`${assignment.name}\``,
      },
      judged === 'credential'
        ? `is a literal secret ${maskSecret(text)}`
        : `is the placeholder or well-known password ${quote(text)}`,
      judged === 'credential' ? {} : { severity: 'low' },
    );
  }
}

export const hardCodedSecret: Rule = {
  meta,
  check(context) {
    const { file, report } = context;
    for (const assignment of [...assignments(file), ...namedSettingAssignments(file)]) {
      checkBoundSecret(context, assignment);
      const { name, value } = assignment;
      if (reportedKeyMaterial(file, assignment, report)) continue;
      const credentials = authorizationCredentials(assignment);
      const literal = credentials
        ? judgeSecretLiteral(credentials, undefined)
        : secretLiteral(assignment, assignment.siblings);
      const text = credentials ?? literalOf(value) ?? '';
      if (literal === 'credential') {
        report({
          range: valueRange(file, value),
          message: `\`${name}\` is set to a literal secret ${maskSecret(text)}`,
        });
        continue;
      }
      if (literal === 'placeholder') {
        report({
          range: valueRange(file, value),
          message: `\`${name}\` is set to the placeholder or well-known password ${quote(text)}: a deployment that keeps it runs with a public password`,
          severity: 'low',
        });
        continue;
      }
      if (userOfLiteralCredential(assignment)) {
        report({
          range: valueRange(file, value),
          message: `\`${name}\` is the user name ${quote(text)} of a hard-coded credential`,
          profiles: GLITCH_ONLY,
        });
      }
    }
  },
};

/** A private key block or a token of a well-known shape in any string of the value, whatever the key is called. */
function reportedKeyMaterial(
  file: FileModel,
  { name, value }: Assignment,
  report: (report: Report) => void,
): boolean {
  for (const string of ownStrings(value)) {
    const pattern = PRIVATE_KEY_BLOCK.test(string.value)
      ? PRIVATE_KEY_BLOCK
      : !string.dynamic && KNOWN_TOKEN.test(string.value)
        ? KNOWN_TOKEN
        : undefined;
    if (!pattern) continue;
    const range = rangeOfMatch(file, string.range, pattern);
    if (pattern === PRIVATE_KEY_BLOCK)
      report({ range, message: `\`${name}\` contains a private key` });
    else
      report({
        range,
        message: `\`${name}\` contains an access token ${maskSecret(pattern.exec(string.value)?.[0] ?? '')}`,
      });
    return true;
  }
  return false;
}
