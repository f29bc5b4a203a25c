import type { Rule, RuleContext, VariableDefinition } from '../rule.js';
import type { Unit } from '../../model/model.js';
import { assignments, type Assignment } from '../support/assignments.js';
import { bindings, reportBinding, usePhrase } from '../support/bindings.js';
import { isClientCredentialName, passwordWord } from '../support/names.js';
import { quote, valueRange } from '../support/source-lines.js';
import { removesResource } from '../support/values.js';
import { meta } from './meta.js';

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
  return (
    assignment.scope === 'parameter' ||
    assignment.scope === 'attribute' ||
    (assignment.scope === 'vars-file' && inDefaultsFile)
  );
}

/** Definitions that are defaults: an empty one there usually means "not set", until a use shows otherwise. */
const DEFAULT_ORIGINS: ReadonlySet<VariableDefinition['origin']> = new Set([
  'role-defaults',
  'parameter-default',
  'node-attribute',
  // a module's or the environment's Hiera data: the value automatic parameter lookup gives
  'hiera',
]);

const isEmptyString = (value: Assignment['value']) =>
  value.kind === 'string' && !value.dynamic && value.value === '';

/** A task that only runs when the variable is set (`when: db_password | length > 0`). */
function guardedBy(unit: Unit, name: string): boolean {
  const last = name.split(/[.:]+/).pop() ?? name;
  return unit.keywords.some(
    (keyword) => keyword.name === 'when' && keyword.value.text.includes(last),
  );
}

/**
 * An empty default that a task or resource takes as its password: the account or service is
 * set up without one unless someone overrides the default. Reported on the default's line.
 */
function checkEmptyDefaultsInUse(context: RuleContext): void {
  const { file } = context;
  for (const assignment of assignments(file)) {
    const { unit, value, name } = assignment;
    if (assignment.source !== 'argument' || !unit || !value.dynamic || !passwordWord(name))
      continue;
    if (removesResource(unit, file.language) || assignment.path.some(isClientCredentialName))
      continue;
    for (const binding of bindings(context, value, unit.within)) {
      const { definition } = binding;
      if (
        !definition ||
        !DEFAULT_ORIGINS.has(definition.origin) ||
        !isEmptyString(binding.value) ||
        guardedBy(unit, definition.name)
      )
        continue;
      reportBinding(
        context,
        binding,
        { range: value.range, as: usePhrase(file, unit, name) },
        definition.origin === 'hiera'
          ? 'so it is set up with an empty password unless a more specific Hiera level sets one'
          : 'so it is set up with an empty password unless the default is overridden',
      );
    }
  }
}

export const emptyPassword: Rule = {
  meta,
  check(context) {
    const { file, report } = context;
    const inDefaultsFile = DEFAULTS_FILE.test(file.path);
    for (const assignment of assignments(file)) {
      const { name, value, unit } = assignment;
      const word = passwordWord(name);
      if (!word || (unit && removesResource(unit, file.language))) continue;
      const range = valueRange(file, value);
      if (isEmptyString(value)) {
        if (assignment.path.some(isClientCredentialName)) {
          report({
            range,
            message: `\`${name}\` is empty (${quote(value.text)}): the host logs in elsewhere without a password`,
            profiles: GLITCH_ONLY,
          });
        } else if (isDefault(assignment, inDefaultsFile)) {
          // Most often "not set"; reported where a task or resource takes it as a password.
          report({
            range,
            message: `\`${name}\` defaults to an empty password (${quote(value.text)})`,
            profiles: GLITCH_ONLY,
          });
        } else if (word === 'passphrase') {
          report({
            range,
            message: `\`${name}\` is an empty passphrase (${quote(value.text)}): the private key it protects is stored unencrypted`,
            severity: 'low',
          });
        } else {
          report({
            range,
            message: `\`${name}\` is an empty password (${quote(value.text)}): whatever it protects can be logged in to without one`,
          });
        }
      } else if (
        value.kind === 'null' &&
        value.text.trim() !== '' &&
        isDefault(assignment, inDefaultsFile)
      ) {
        // An explicit `undef`/`nil`/`~`: an optional parameter, which the code may well check before use.
        report({
          range,
          message: `\`${name}\` defaults to no password (${quote(value.text)}); require it instead`,
          profiles: GLITCH_ONLY,
        });
      }
    }
    checkEmptyDefaultsInUse(context);
  },
};
