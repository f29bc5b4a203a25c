import type { Rule, RuleContext, VariableDefinition } from '../rule.js';
import type { Attribute, Unit, Value } from '../../model/model.js';
import { SENSITIVE_FILES, type SensitiveFile } from '../knowledge/sensitive-files.js';
import { valueRange } from '../support/assignments.js';
import { bindings, reportBinding, usePhrase, wholeBindings } from '../support/bindings.js';
import { chmodsIn } from '../support/commands.js';
import {
  managedPathAttribute,
  managesDirectory,
  pathShape,
  writtenPath,
} from '../support/destinations.js';
import {
  GROUP_READ,
  GROUP_WRITE,
  grantedBits,
  modeProblem,
  OTHER_READ,
} from '../support/file-modes.js';
import { removesResource } from '../support/values.js';
import { replaceValue } from '../support/source-lines.js';
import { attributeOf } from '../support/units.js';
import { eachItem } from '../support/loop-items.js';
import { meta } from './meta.js';

const OCTAL = /^['"]?0?[0-7]{3,4}['"]?$/;

/** "its group can change it, and its group and every local user can read it". */
function effects(bits: number): string {
  const readers = [
    ...(bits & GROUP_READ ? ['its group'] : []),
    ...(bits & OTHER_READ ? ['every local user'] : []),
  ];
  return [
    ...(bits & GROUP_WRITE ? ['its group can change it'] : []),
    ...(readers.length > 0 ? [`${readers.join(' and ')} can read it`] : []),
  ].join(', and ');
}

function sensitiveFile(path: string): SensitiveFile | undefined {
  return SENSITIVE_FILES.find((candidate) => candidate.path.test(path));
}

/** The forbidden bits a mode grants on the file, or 0. */
function looseBits(mode: Value, sensitive: SensitiveFile): number {
  const granted = grantedBits(mode);
  return granted === undefined ? 0 : granted & sensitive.forbidden;
}

/** The mode without the bits the file must not have, written as the original was quoted. */
function saferMode(mode: Value, sensitive: SensitiveFile): string | undefined {
  if (!OCTAL.test(mode.text)) return undefined;
  const granted = grantedBits(mode);
  if (granted === undefined) return undefined;
  const quote = /^['"]/.test(mode.text) ? (mode.text[0] as string) : "'";
  return `${quote}${(granted & ~sensitive.clear).toString(8).padStart(4, '0')}${quote}`;
}

/** The sensitive file a unit manages, by its path as written or as the variable that gives it says. */
function managedFile(
  context: RuleContext,
  unit: Unit,
): { path: string; sensitive: SensitiveFile } | undefined {
  const language = context.file.language;
  const pathAttribute = managedPathAttribute(unit, language);
  if (!pathAttribute) return undefined;
  // A Puppet resource with several titles manages each: `file { ['/etc/shadow', '/etc/gshadow']: }`.
  const paths =
    pathAttribute.value.kind === 'list' ? (pathAttribute.value.items ?? []) : [pathAttribute.value];
  for (const path of paths) {
    const written = pathShape(path, language);
    const sensitive = written === undefined ? undefined : sensitiveFile(written);
    if (written !== undefined && sensitive) return { path: writtenPath(path), sensitive };
  }
  for (const binding of bindings(context, pathAttribute.value, unit.within)) {
    const bound = pathShape(binding.value, language);
    const boundSensitive = bound === undefined ? undefined : sensitiveFile(bound);
    if (bound !== undefined && boundSensitive) return { path: bound, sensitive: boundSensitive };
  }
  return undefined;
}

function checkUnit(
  context: RuleContext,
  unit: Unit,
  givenBy?: ReadonlyMap<string, VariableDefinition>,
): void {
  const { file } = context;
  const mode = attributeOf(unit, 'mode');
  if (!mode || removesResource(unit, file.language)) return;
  const managed = managedFile(context, unit);
  if (!managed) return;
  const { path, sensitive } = managed;
  if (sensitive.filesOnly && managesDirectory(unit, file.language)) return;
  if (!mode.value.dynamic) {
    if (modeProblem(mode.value)) return;
    const bits = looseBits(mode.value, sensitive);
    if (!bits) return;
    const heldBy = givenBy?.get(mode.name);
    if (heldBy) {
      // The mode of an item of a list a variable holds: reported where the item is written.
      reportBinding(
        context,
        { value: mode.value, reference: heldBy.name, taken: mode.value.text, definition: heldBy },
        { range: unit.typeRange, as: usePhrase(file, unit, mode.name) },
        `sets \`${path}\` so that ${effects(bits)}; ${sensitive.holds}`,
        { severity: sensitive.severity },
      );
      return;
    }
    const safer = saferMode(mode.value, sensitive);
    const suggestion = safer ? replaceValue(file, mode.value, safer) : undefined;
    context.report({
      // A mode an item written in the loop gives is reported on the item.
      range:
        mode.value.range.line > mode.range.line ? mode.value.range : valueRange(mode, mode.value),
      severity: sensitive.severity,
      message: `mode \`${mode.value.text}\` on \`${path}\`: ${effects(bits)}; ${sensitive.holds}`,
      ...(suggestion ? { suggestion } : {}),
    });
    return;
  }
  checkBoundMode(context, unit, mode, path, sensitive);
}

/** `mode: "{{ key_mode }}"` with `key_mode: '0644'`: reported where the mode is set. */
function checkBoundMode(
  context: RuleContext,
  unit: Unit,
  mode: Attribute,
  path: string,
  sensitive: SensitiveFile,
): void {
  for (const binding of wholeBindings(context, mode.value, unit.within)) {
    if (modeProblem(binding.value)) continue;
    const bits = looseBits(binding.value, sensitive);
    if (!bits) continue;
    reportBinding(
      context,
      binding,
      { range: mode.value.range, as: usePhrase(context.file, unit, mode.name) },
      `sets \`${path}\` so that ${effects(bits)}; ${sensitive.holds}`,
      { severity: sensitive.severity },
    );
  }
}

/** `chmod 644 /etc/shadow`. */
function checkCommands(context: RuleContext): void {
  for (const { mode, targets, range } of chmodsIn(context.file)) {
    if (modeProblem(mode)) continue;
    for (const target of targets) {
      const sensitive = sensitiveFile(target);
      const bits = sensitive && !sensitive.filesOnly ? looseBits(mode, sensitive) : 0;
      if (!sensitive || !bits) continue;
      context.report({
        range,
        severity: sensitive.severity,
        message: `\`chmod ${mode.text} ${target}\`: ${effects(bits)}; ${sensitive.holds}`,
      });
      break;
    }
  }
}

export const sensitiveFilePermissions: Rule = {
  meta,
  check(context) {
    for (const unit of context.file.units)
      // A task looping over items sets each item's mode on that item's path.
      for (const each of eachItem(context, unit)) checkUnit(context, each.unit, each.givenBy);
    checkCommands(context);
  },
};
