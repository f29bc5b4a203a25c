import type { Rule, RuleContext } from '../rule.js';
import type { Unit, Value } from '../../model/model.js';
import { STANDARD_SETUID_PROGRAMS } from '../knowledge/sensitive-files.js';
import { valueRange } from '../support/assignments.js';
import { reportBinding, usePhrase, wholeBindings } from '../support/bindings.js';
import { basename, chmodsIn } from '../support/commands.js';
import { managedPathAttribute, managesDirectory, writtenPath } from '../support/destinations.js';
import { SETGID, SETUID, specialBits } from '../support/file-modes.js';
import { literalText, removesResource } from '../support/values.js';
import { attributeOf } from '../support/units.js';
import { meta } from './meta.js';

const ROOT_NAMES = new Set(['root', '0', 'wheel']);

/** The owner (or group) the unit gives the file, when it names one that is not root. */
function nonRoot(unit: Unit, names: readonly string[]): boolean {
  const value = unit.attributes.find((attribute) => names.includes(attribute.name))?.value;
  const text = value ? literalText(value) : undefined;
  return text !== undefined && !ROOT_NAMES.has(text);
}

/**
 * The special bits of a mode that give a caller more than their own rights: setuid when the
 * file is owned by root (or by whoever runs the task, usually root), setgid on a file of the
 * root group. Setgid on a directory only makes new files inherit its group and is left alone,
 * as is the usual bit on a program the distribution ships setuid.
 */
function escalatingBits(unit: Unit, mode: Value, context: RuleContext): number {
  const language = context.file.language;
  let bits = specialBits(mode);
  if (nonRoot(unit, ['owner', 'user'])) bits &= ~SETUID;
  if (nonRoot(unit, ['group']) || managesDirectory(unit, language)) bits &= ~SETGID;
  if (!bits) return 0;
  const path = managedPathAttribute(unit, language)?.value;
  if (path && STANDARD_SETUID_PROGRAMS.has(basename(writtenPath(path)))) return 0;
  return bits;
}

function effect(bits: number): string {
  if (bits & SETUID)
    return 'sets the setuid bit: the program runs as root for every user who starts it, so any flaw in it is a way to root';
  return "sets the setgid bit: the program runs with the root group's rights for every user who starts it";
}

function subject(unit: Unit, context: RuleContext): string {
  const path = managedPathAttribute(unit, context.file.language)?.value;
  return path ? ` on \`${writtenPath(path)}\`` : '';
}

function checkUnit(context: RuleContext, unit: Unit): void {
  const mode = attributeOf(unit, 'mode');
  if (!mode || removesResource(unit, context.file.language)) return;
  if (!mode.value.dynamic) {
    const bits = escalatingBits(unit, mode.value, context);
    if (bits)
      context.report({
        range: valueRange(mode, mode.value),
        message: `mode \`${mode.value.text}\`${subject(unit, context)} ${effect(bits)}`,
      });
    return;
  }
  for (const binding of wholeBindings(context, mode.value, unit.within)) {
    const bits = escalatingBits(unit, binding.value, context);
    if (!bits) continue;
    reportBinding(
      context,
      binding,
      { range: mode.value.range, as: usePhrase(context.file, unit, mode.name) },
      effect(bits),
    );
  }
}

/** `chmod u+s /usr/local/bin/tool`, `chmod 4755 tool`: setgid alone is left out, as `chmod g+s` is mostly for shared directories. */
function checkCommands(context: RuleContext): void {
  for (const { mode, targets, range } of chmodsIn(context.file)) {
    if (targets.length === 0 || !(specialBits(mode) & SETUID)) continue;
    if (targets.every((target) => STANDARD_SETUID_PROGRAMS.has(basename(target)))) continue;
    context.report({
      range,
      message: `\`chmod ${mode.text} ${targets.join(' ')}\` ${effect(SETUID)}`,
    });
  }
}

export const setuidFile: Rule = {
  meta,
  check(context) {
    for (const unit of context.file.units) checkUnit(context, unit);
    checkCommands(context);
  },
};
