import type { Rule, RuleContext } from '../rule.js';
import type { Attribute, Language, Unit } from '../../model/model.js';
import { assignments, keyLabel, type Assignment } from '../support/assignments.js';
import { isTrue, ownStrings } from '../support/values.js';
import { bindings, boundUnits, reportBinding, usePhrase } from '../support/bindings.js';
import { rangeOfMatch } from '../support/source-lines.js';
import { SUDOERS_RESOURCES } from '../knowledge/sudoers.js';
import { settingsOf } from '../support/config-settings.js';
import { attributeOf } from '../support/units.js';
import { meta } from './meta.js';

/**
 * A sudoers rule that runs every command without asking for a password (`NOPASSWD: ALL`, tags
 * such as `SETENV:` in between), or a `Defaults` line that stops asking altogether; not on a
 * line that is a comment (`#{user}` in a Chef template and `#1000`, a user id, are not).
 */
const PASSWORDLESS_ALL =
  /(?<!^\s*#(?![{\d]).*)(\bNOPASSWD\s*:\s*(?:[A-Z_]+\s*:\s*)*ALL\b|\bDefaults\b[^\n#]*!\s*authenticate\b)/m;

/** The sudoers rule, as written, that grants passwordless sudo for every command. */
function passwordlessRule(text: string): string | undefined {
  const match = PASSWORDLESS_ALL.exec(text);
  if (!match) return undefined;
  const lineStart = text.lastIndexOf('\n', match.index) + 1;
  const lineEnd = text.indexOf('\n', match.index);
  return text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim();
}

/**
 * A sudoers resource for every command with no password: the attribute that says "every command"
 * or, when the commands are left at a default of every command, the one that says "no password".
 */
function allCommandsWithoutPassword(unit: Unit, language: Language): Attribute | undefined {
  const resource = SUDOERS_RESOURCES[language]?.[unit.type];
  if (!resource) return undefined;
  const commands = attributeOf(unit, resource.commands);
  const nopassword = attributeOf(unit, resource.nopassword);
  const allCommands = commands
    ? [...ownStrings(commands.value)].some((item) => item.value.trim() === 'ALL')
    : resource.allCommandsByDefault;
  const passwordless = nopassword ? isTrue(nopassword.value) : resource.nopasswordByDefault;
  return allCommands && passwordless ? (commands ?? nopassword) : undefined;
}

/** What the report says of a resource's passwordless rule for every command. */
function passwordlessMessage(unit: Unit, language: Language, reported: Attribute): string {
  const resource = SUDOERS_RESOURCES[language]?.[unit.type];
  if (resource && reported.name === resource.nopassword)
    return `\`${reported.name}\` set to \`${reported.value.text}\` with \`${resource.commands}\` left at its default, every command: passwordless sudo for every command`;
  const defaulted =
    resource && !unit.attributes.some((attribute) => attribute.name === resource.nopassword)
      ? ` (\`${resource.nopassword}\` defaults to true)`
      : '';
  return `\`${reported.name}\` set to \`${reported.value.text}\` with no password${defaulted}: passwordless sudo for every command`;
}

function checkStrings(context: RuleContext, assignment: Assignment): void {
  const { file, report } = context;
  for (const value of ownStrings(assignment.value)) {
    const rule = passwordlessRule(value.value);
    if (rule) {
      report({
        range: rangeOfMatch(file, value.range, PASSWORDLESS_ALL),
        message: `${keyLabel(file, assignment)} grants \`${rule}\`: passwordless sudo for every command`,
      });
      continue;
    }
    if (!value.dynamic) continue;
    for (const binding of bindings(context, value, assignment.unit?.within)) {
      const bound =
        typeof binding.value.value === 'string' ? passwordlessRule(binding.value.value) : undefined;
      const as = assignment.unit
        ? usePhrase(file, assignment.unit, assignment.name)
        : `in \`${assignment.name}\``;
      if (bound)
        reportBinding(
          context,
          binding,
          { range: value.range, as },
          `makes the rule \`${bound}\`: passwordless sudo for every command`,
        );
    }
  }
}

function checkResources(context: RuleContext): void {
  const { file, report } = context;
  for (const unit of file.units) {
    const reported = allCommandsWithoutPassword(unit, file.language);
    if (reported) {
      report({
        range: reported.value.range,
        message: passwordlessMessage(unit, file.language, reported),
      });
      continue;
    }
    if (!SUDOERS_RESOURCES[file.language]?.[unit.type]) continue;
    for (const bound of boundUnits(context, unit)) {
      if (!allCommandsWithoutPassword(bound.unit, file.language)) continue;
      reportBinding(
        context,
        bound.binding,
        { range: bound.attribute.value.range, as: usePhrase(file, unit, bound.attribute.name) },
        'grants passwordless sudo for every command',
      );
    }
  }
}

/**
 * The rules of a sudoers file or template the code deploys. A rule whose user or host is a
 * template expression still grants what its literal part says.
 */
function checkSudoersFiles(context: RuleContext): void {
  for (const setting of settingsOf(context, ['sudoers'])) {
    const text = typeof setting.value.value === 'string' ? setting.value.value : '';
    const rule = passwordlessRule(text);
    if (rule) {
      context.report({
        range: setting.range,
        message: `the sudoers rule \`${rule}\` grants passwordless sudo for every command`,
      });
      continue;
    }
    if (!setting.value.dynamic) continue;
    for (const binding of bindings(context, setting.value, setting.within)) {
      const bound =
        typeof binding.value.value === 'string' ? passwordlessRule(binding.value.value) : undefined;
      if (bound)
        reportBinding(
          context,
          binding,
          { range: setting.range, as: 'in a sudoers rule' },
          `makes the rule \`${bound}\`: passwordless sudo for every command`,
        );
    }
  }
}

export const sudoNopasswd: Rule = {
  meta,
  check(context) {
    for (const assignment of assignments(context.file)) checkStrings(context, assignment);
    checkResources(context);
    checkSudoersFiles(context);
  },
};
